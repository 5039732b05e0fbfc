import { afterAll, beforeAll, describe } from 'vitest';
import echoApp from '../../examples/echo/app';
import { freshGradebook } from './fresh-gradebook';
import { echoCases } from './cases/echo';
import { gradebookCases, type Caller } from './cases/gradebook';
import { gradebookCredentials } from './credentials';
import { runCases } from './run';
import { targets, type Running } from './targets';

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
