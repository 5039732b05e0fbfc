import { afterAll, beforeAll, describe } from 'vitest';
import echoApp from '../../examples/echo/app.js';
import { FLAVORS, gradebookIn } from '../support/gradebook-flavor.js';
import { freshGradebookIn } from './fresh-gradebook.js';
import { echoCases } from './cases/echo.js';
import { gradebookCases, type Caller } from './cases/gradebook.js';
import { gradebookCredentials } from './credentials.js';
import { runCases } from './run.js';
import type { Platform } from './case.js';
import { targets, type Running } from './targets.js';

const gradebooks = FLAVORS.map((flavor) => [flavor, gradebookIn(flavor)] as const);
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
      runCases(echoCases, () => running.client, () => undefined, undefined, undefined, platformOf(target.name));
    });

    // The same cases whatever the gradebook's schemas are written in: zod, zod/mini or valibot.
    for (const [flavor, dir] of gradebooks) {
      describe(`gradebook (${flavor} schemas)`, () => {
        let running: Running;
        beforeAll(async () => void (running = await target.start(await freshGradebookIn(dir))));
        afterAll(() => running.stop());
        runCases(gradebookCases, () => running.client, () => credentials, undefined, undefined, platformOf(target.name));
      });
    }
  });
}

/** The platform a target runs on, where the contract shows a difference of the platform's own. */
function platformOf(name: string): Platform | undefined {
  return name.startsWith('azure') ? 'azure' : undefined;
}
