import { provide } from 'carve';
import { afterAll, beforeAll, describe } from 'vitest';
import echoApp from '../../examples/echo/app';
import { createGradebook } from '../../examples/gradebook/app';
import { DbConfig } from '../../examples/gradebook/db';
import { Clock } from '../../examples/gradebook/system/clock';
import { echoCases } from './cases/echo';
import { gradebookCases, type Caller } from './cases/gradebook';
import { gradebookCredentials } from './credentials';
import { runCases } from './run';
import { targets, type Running } from './targets';

const FIXED_NOW = new Date('2026-11-22T09:00:00.000Z');

/** A fresh, freshly seeded gradebook with a fixed clock. */
export const freshGradebook = () => createGradebook([
  provide(DbConfig, { value: { path: ':memory:' } }),
  provide(Clock, { value: { now: () => FIXED_NOW } }),
]);

let credentials: Record<Caller, Record<string, string>>;
beforeAll(async () => {
  credentials = await gradebookCredentials();
});

for (const target of targets) {
  describe(`${target.name}`, () => {
    describe('echo conformance', () => {
      let running: Running;
      beforeAll(async () => void (running = await target.start(echoApp)));
      afterAll(() => running.stop());
      runCases(echoCases, () => running.client, () => undefined);
    });

    describe('gradebook', () => {
      let running: Running;
      beforeAll(async () => void (running = await target.start(freshGradebook())));
      afterAll(() => running.stop());
      runCases(gradebookCases, () => running.client, () => credentials);
    });
  });
}
