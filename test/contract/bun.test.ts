import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe } from 'vitest';
import { echoCases } from './cases/echo.js';
import { gradebookCases, type Caller } from './cases/gradebook.js';
import { httpClient } from './client.js';
import { gradebookCredentials } from './credentials.js';
import { runCases } from './run.js';

// The contract suite through carve/fetch on a real fetch runtime: Bun (the `bun` package from npm), its
// own HTTP server (Bun.serve) and its own SQLite. Nothing here is Node's.
const BUN = fileURLToPath(new URL('../../node_modules/.bin/bun', import.meta.url));
const SERVER = fileURLToPath(new URL('./bun-server.ts', import.meta.url));

let bun: ChildProcess;
let ports: { echo: number; gradebook: number };
let credentials: Record<Caller, Record<string, string>>;

beforeAll(async () => {
  credentials = await gradebookCredentials();
  bun = spawn(BUN, ['--conditions=carve-source', SERVER], { env: { ...process.env, CARVE_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of bun.stdout!) {
    out += String(chunk);
    if (out.includes('\n')) break;
  }
  ports = JSON.parse(out) as typeof ports;
}, 60_000);

afterAll(async () => {
  if (bun.exitCode !== null) return;
  bun.kill('SIGTERM');
  await once(bun, 'exit');
});

describe('bun (carve/fetch under Bun.serve)', () => {
  describe('echo conformance', () => runCases(echoCases, () => httpClient(`http://127.0.0.1:${ports.echo}`), () => undefined, undefined, undefined, 'fetch'));
  describe('gradebook', () => runCases(gradebookCases, () => httpClient(`http://127.0.0.1:${ports.gradebook}`), () => credentials, undefined, undefined, 'fetch'));
});
