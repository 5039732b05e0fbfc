import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradebookCases, type Caller } from '../contract/cases/gradebook.js';
import { gradebookCredentials } from '../contract/credentials.js';
import { runCases } from '../contract/run.js';
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
  runCases(gradebookCases, () => (req) => running.client({ ...req, url: `/dev${req.url}` }), () => credentials, undefined, EMULATOR_GAPS);
});
