import { provide, type App } from 'carve';
import { createGradebook } from '../../examples/gradebook/app.js';
import { DbConfig } from '../../examples/gradebook/db.js';
import { Clock } from '../../examples/gradebook/system/clock.js';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';
import type * as AppModule from '../../examples/gradebook/app.js';
import type * as DbModule from '../../examples/gradebook/db.js';
import type * as ClockModule from '../../examples/gradebook/system/clock.js';

export const FIXED_NOW = new Date('2026-11-22T09:00:00.000Z');

/** A fresh, freshly seeded gradebook with a fixed clock. */
export const freshGradebook = () => createGradebook([
  provide(DbConfig, { value: { path: ':memory:' } }),
  provide(Clock, { value: { now: () => FIXED_NOW } }),
]);

/** The same from a copy of the gradebook (gradebookIn: its schemas in another library), with that copy's own tokens. */
export async function freshGradebookIn(dir: string): Promise<App> {
  if (dir === join(ROOT, 'examples/gradebook')) return freshGradebook();
  const load = async <M>(path: string) => (await import(/* @vite-ignore */ `${dir}/${path}`)) as M;
  const [{ createGradebook: create }, { DbConfig: db }, { Clock: clock }] = await Promise.all([
    load<typeof AppModule>('app.ts'),
    load<typeof DbModule>('db.ts'),
    load<typeof ClockModule>('system/clock.ts'),
  ]);
  return create([provide(db, { value: { path: ':memory:' } }), provide(clock, { value: { now: () => FIXED_NOW } })]);
}
