import { token } from 'carve';

export interface Clock {
  now(): Date;
}

/** The time source; tests swap it for a fixed one. */
export const Clock = token<Clock>('Clock', { factory: () => ({ now: () => new Date() }) });
