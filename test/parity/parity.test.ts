import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { echoCases } from '../contract/cases/echo.js';
import { gradebookCases, type Caller } from '../contract/cases/gradebook.js';
import { gradebookCredentials } from '../contract/credentials.js';
import { runCases } from '../contract/run.js';
import { removeDir, ROOT, scratchDir, viaAwsBuild, viaAzureBuild, viaCarveDev, viaOslsOffline, type Deployed } from './shapes.js';

// The parity matrix: the contract suite, unchanged, against every shape on every way of running it.
const SHAPES = ['monolith', 'microservices', 'nanoservices'];
const WAYS: Record<string, (app: string, shape: string, scratch: string) => Promise<Deployed>> = {
  'carve dev': (app, shape) => viaCarveDev(app, shape),
  'aws build (HTTP API v2 events)': viaAwsBuild,
  'osls offline (serverless.yml)': viaOslsOffline,
  'azure build (@azure/functions model)': viaAzureBuild,
};
// What serverless-offline does differently from live API Gateway, in its own code: it strips a trailing
// slash (router.stripTrailingSlash) and answers OPTIONS preflights itself.
const EMULATOR_GAPS: Record<string, ReadonlyMap<string, string>> = {
  'osls offline (serverless.yml)': new Map([
    ['keeps a trailing slash in a greedy parameter', 'serverless-offline strips trailing slashes'],
    ['a CORS preflight from an allowed origin', 'serverless-offline answers OPTIONS itself'],
    ['a CORS preflight from another origin gets no grant', 'serverless-offline answers OPTIONS itself'],
    ['an encoded dot segment is not resolved: /courses/%2e%2e/students is no route', 'serverless-offline (hapi) resolves %2e%2e dot segments'],
    ['lower-cases header names and joins repeated values', 'serverless-offline keeps the last of repeated header lines (API Gateway joins them)'],
  ]),
};

/**
 * Where the platform itself answers otherwise (the contract case says how). On Azure that is one function app's
 * host resolving dot segments; in a multi-unit shape the front routes by the path as sent first, so the unit that
 * gets `/courses/%2e%2e/students` has no `/students` and answers 404, as everywhere else.
 */
const platformOf = (shape: string, way: string) => (way.startsWith('azure') && shape === 'monolith' ? 'azure' : undefined);

const APPS = { gradebook: join(ROOT, 'examples/gradebook/app.ts'), echo: join(ROOT, 'examples/echo/app.ts') };

const scratch = scratchDir();
const results = new Map<string, { passed: number; failed: number }>();
const tally = (key: string) => (passed: boolean) => {
  const r = results.get(key) ?? { passed: 0, failed: 0 };
  r[passed ? 'passed' : 'failed']++;
  results.set(key, r);
};

let credentials: Record<Caller, Record<string, string>>;
beforeAll(async () => void (credentials = await gradebookCredentials()));
afterAll(() => {
  const ways = Object.keys(WAYS);
  const lines = ['', 'parity matrix (contract cases passed / run, gradebook + echo):', `  ${'shape'.padEnd(14)}${ways.map((w) => w.padEnd(32)).join('')}`];
  for (const shape of SHAPES) {
    lines.push(`  ${shape.padEnd(14)}${ways.map((w) => {
      const r = results.get(`${shape}|${w}`) ?? { passed: 0, failed: 0 };
      return `${r.passed}/${r.passed + r.failed}${r.failed ? ' ✗' : ' ✓'}`.padEnd(32);
    }).join('')}`);
  }
  for (const [way, gaps] of Object.entries(EMULATOR_GAPS)) lines.push(`  ${way}: ${gaps.size} case(s) skipped, emulator differs from AWS: ${[...new Set(gaps.values())].join('; ')}`);
  console.log(lines.join('\n'));
  removeDir(scratch);
});

for (const shape of SHAPES) {
  for (const [way, deploy] of Object.entries(WAYS)) {
    describe(`${shape} via ${way}`, () => {
      describe('gradebook', () => {
        let running: Deployed;
        beforeAll(async () => {
          // A fresh database per run, shared by the run's units (processes or bundles).
          process.env['GRADEBOOK_DB'] = join(scratch, `${shape}-${way.split(' ')[0]}.db`);
          running = await deploy(APPS.gradebook, shape, join(scratch, way.split(' ')[0]!));
        }, 180_000);
        afterAll(() => running?.stop());
        runCases(gradebookCases, () => running.client, () => credentials, tally(`${shape}|${way}`), EMULATOR_GAPS[way], platformOf(shape, way));
      });
      describe('echo', () => {
        let running: Deployed;
        beforeAll(async () => void (running = await deploy(APPS.echo, shape, join(scratch, `${way.split(' ')[0]}-echo`))), 180_000);
        afterAll(() => running?.stop());
        runCases(echoCases, () => running.client, () => undefined, tally(`${shape}|${way}`), EMULATOR_GAPS[way], platformOf(shape, way));
      });
    });
  }
}
