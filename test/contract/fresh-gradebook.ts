import { provide } from 'carve';
import { createGradebook } from '../../examples/gradebook/app.js';
import { DbConfig } from '../../examples/gradebook/db.js';
import { Clock } from '../../examples/gradebook/system/clock.js';

export const FIXED_NOW = new Date('2026-11-22T09:00:00.000Z');

/** A fresh, freshly seeded gradebook with a fixed clock. */
export const freshGradebook = () => createGradebook([
  provide(DbConfig, { value: { path: ':memory:' } }),
  provide(Clock, { value: { now: () => FIXED_NOW } }),
]);
