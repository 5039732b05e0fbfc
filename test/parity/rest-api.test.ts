import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradebookCases, type Caller } from '../contract/cases/gradebook.js';
import { gradebookCredentials } from '../contract/credentials.js';
import { runCases } from '../contract/run.js';
import { cfnLint, pythonCfnLint } from '../support/cfn-lint.js';
import { oslsPackage } from '../support/osls.js';
import { httpClient } from '../contract/client.js';
import { removeDir, ROOT, scratchDir, viaOslsOffline } from './shapes.js';

// The gradebook behind a REST API (examples/gradebook/deploy/aws-rest.config.ts: API keys, a usage plan, a cached
// GET, throttling, access logs), its serverless.yml served by `osls offline`: the contract suite through REST API
// (payload 1.0) events, the API key checked by the emulator as API Gateway checks it. One shape, microservices: the
// HTTP API matrix (parity.test.ts) covers the others.
const CONFIG = join(ROOT, 'examples/gradebook/deploy/aws-rest.config.ts');
// What serverless-offline does differently from live API Gateway in the gradebook's cases (see parity.test.ts).
const EMULATOR_GAPS = new Map([
  ['an encoded dot segment is not resolved: /courses/%2e%2e/students is no route', 'serverless-offline (hapi) resolves %2e%2e dot segments'],
  ['a CORS preflight from an allowed origin', 'serverless-offline answers OPTIONS itself'],
  ['a CORS preflight from another origin gets no grant', 'serverless-offline answers OPTIONS itself'],
]);

const scratch = scratchDir();
let credentials: Record<Caller, Record<string, string>>;
let running: Awaited<ReturnType<typeof viaOslsOffline>>;
beforeAll(async () => {
  credentials = await gradebookCredentials();
  process.env['GRADEBOOK_DB'] = join(scratch, 'rest.db');
  running = await viaOslsOffline(join(ROOT, 'examples/gradebook/app.ts'), 'microservices', scratch, { config: CONFIG });
}, 180_000);
afterAll(async () => {
  await running?.stop();
  removeDir(scratch);
});

describe('gradebook, microservices, REST API under osls offline', () => {
  it('requires the API key on the route that says so, at the gateway, before the function runs', async () => {
    const bare = httpClient(running.url);
    const withoutKey = await bare({ method: 'POST', url: '/dev/grades', headers: credentials.teacher, body: {} });
    expect(withoutKey.status).toBe(403);
    expect((await bare({ method: 'GET', url: '/dev/health' })).status).toBe(200);
  });
  const { python, version } = pythonCfnLint();
  it.skipIf(!python)(`serves a template.yaml with the key, plan, cache, secret and queue that passes the Python cfn-lint (${version || 'not installed: skipped'})`, () => {
    const template = join(running.dir, 'template.yaml');
    expect(cfnLint(python!, template)).toEqual({ status: 0, findings: '' });
    const sam = parse(readFileSync(template, 'utf8')) as { Resources: Record<string, { Type: string; Properties: { Environment?: { Variables: Record<string, unknown> }; Policies?: unknown } }> };
    expect(Object.keys(sam.Resources)).toEqual(expect.arrayContaining(['CarveApiKeySchool', 'CarveUsagePlanSchool']));
    // Only the unit that posts grades reads the notice key and sends to the queue (examples/gradebook/carve.config.ts).
    const functions = Object.entries(sam.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
    expect(functions.filter(([, r]) => r.Properties.Environment?.Variables['GRADEBOOK_NOTICE_KEY']).map(([id]) => id)).toEqual(['GradesFunction']);
    expect(functions.filter(([, r]) => r.Properties.Policies).map(([id]) => id)).toEqual(['GradesFunction']);
  });
  it('serves a serverless.yml that `osls package` accepts: a zip per unit', () => {
    const dir = join(scratch, 'package');
    cpSync(running.dir, dir, { recursive: true, filter: (f) => !f.includes('.serverless') });
    const run = oslsPackage(dir);
    expect(run.status, run.output).toBe(0);
    const units = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => `${e.name}.zip`);
    expect(readdirSync(join(dir, '.serverless')).filter((f) => f.endsWith('.zip') && f !== 'custom-resources.zip').sort()).toEqual(units.sort());
    // osls takes seconds alone and far more on a busy 2-core machine: never bound by the idle time.
  }, 180_000);
  runCases(gradebookCases, () => (req) => running.client({ ...req, url: `/dev${req.url}` }), () => credentials, undefined, EMULATOR_GAPS);
});
