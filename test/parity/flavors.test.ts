import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { gradebookCases, type Caller } from '../contract/cases/gradebook.js';
import { gradebookCredentials } from '../contract/credentials.js';
import { runCases } from '../contract/run.js';
import { gradebookIn } from '../support/gradebook-flavor.js';
import { scratchDir } from '../support/scratch.js';
import { viaAwsBuild, type Deployed } from './shapes.js';

// parity.test.ts runs the gradebook as it ships (zod/mini schemas) in every shape and way. Here the same contract,
// unchanged, runs on the gradebook with its schemas in classic zod and in valibot, built into microservices (seven
// bundles: the build and every unit's validation, at a third of nanoservices' bundling time), each unit loaded on its own.
const FLAVORED = { zod: gradebookIn('zod'), valibot: gradebookIn('valibot') };
const scratch = scratchDir('parity-flavors');

let credentials: Record<Caller, Record<string, string>>;
beforeAll(async () => void (credentials = await gradebookCredentials()));

for (const [flavor, dir] of Object.entries(FLAVORED)) {
  describe(`gradebook with ${flavor} schemas, microservices via aws build`, () => {
    let running: Deployed;
    beforeAll(async () => {
      process.env['GRADEBOOK_DB'] = join(scratch, `microservices-${flavor}.db`);
      running = await viaAwsBuild(join(dir, 'app.ts'), 'microservices', join(scratch, `aws-${flavor}`));
    }, 180_000);
    afterAll(() => running?.stop());
    runCases(gradebookCases, () => running.client, () => credentials);
  });
}
