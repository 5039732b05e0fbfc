import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planDev } from 'carve/build';
import { scratchDir } from '../../test/support/scratch.js';
import { startDev } from './dev.js';

const scratch = scratchDir('express-dev');

describe('carve dev units', () => {
  it('leave the app\'s own environment as it is: a unit listens on a port of its own, PORT stays the user\'s', async () => {
    // An app whose start-up validates PORT (envalid's port() refuses 0, which units once got).
    const app = join(scratch, 'app.mjs');
    writeFileSync(app, [
      "import { createApp, handler } from 'carve';",
      "if (!(Number(process.env.PORT) > 0)) throw new Error(`invalid PORT ${process.env.PORT}`);",
      "export default createApp({ handlers: [handler({ method: 'GET', path: '/port', auth: 'public' }, () => ({ port: process.env.PORT }))] });",
      '',
    ].join('\n'));
    const session = await startDev([{ name: 'only', appModule: app, routes: [{ method: 'GET', path: '/port' }], fallback: false }], { env: { CARVE_LOG_LEVEL: 'silent', PORT: '3000' } });
    try {
      expect(await (await fetch(`${session.gateway.url}/port`)).json()).toEqual({ port: '3000' });
      expect(session.units[0]!.url).not.toMatch(/:3000$/);
    } finally {
      await session.stop();
    }
  }, 60_000);
});

/** An app with a fast and a slow route, written into the scratch folder. */
function slowApp(): string {
  const app = join(scratch, 'slow.mjs');
  writeFileSync(app, [
    "import { createApp, handler } from 'carve';",
    "const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => ({ pong: process.pid }));",
    "const slow = handler({ method: 'GET', path: '/slow', auth: 'public' }, async () => { await new Promise((r) => setTimeout(r, 600)); return { done: true }; });",
    'export default createApp({ handlers: [ping, slow] });',
    '',
  ].join('\n'));
  return app;
}

/** A GET on a keep-alive connection: its status, its Connection header and its body. */
function get(url: string, agent: Agent): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    }).on('error', reject).end();
  });
}

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('carve dev: nothing lost at the edges', () => {
  it('stop() lets in-flight requests finish, tells keep-alive clients the connection closes, and removes its .carve/dev-* folder', async () => {
    const units = await planDev({ app: slowApp(), shape: 'microservices' });
    const planned = dirname(units[0]!.appModule);
    const session = await startDev(units, { env: { CARVE_LOG_LEVEL: 'silent' } });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(`${session.gateway.url}/ping`, agent)).status).toBe(200);
      // One of the units answers for the whole app's OpenAPI document.
      expect(Object.keys(((await (await fetch(`${session.gateway.url}/openapi.json`)).json()) as { paths: object }).paths)).toEqual(['/ping', '/slow']);
      const slow = get(`${session.gateway.url}/slow`, agent);
      await new Promise((r) => setTimeout(r, 100));
      const stopped = session.stop();
      expect(await slow).toEqual({ status: 200, connection: 'close', body: '{"done":true}' });
      await stopped;
      expect(existsSync(planned)).toBe(false);
    } finally {
      agent.destroy();
    }
  }, 60_000);

  it('a unit that crashes is restarted, and its routes answer 503 with Retry-After meanwhile, each step logged', async () => {
    const lines: { msg: string; unit: string; signal?: string }[] = [];
    const session = await startDev([{ name: 'only', appModule: slowApp(), routes: [{ method: 'GET', path: '/ping' }] }], { env: { CARVE_LOG_LEVEL: 'silent' }, log: (line) => lines.push(JSON.parse(line)) });
    try {
      const unit = session.units[0]!;
      const before = (await (await fetch(`${session.gateway.url}/ping`)).json()) as { pong: number };
      const exited = once(unit.process, 'exit');
      unit.process.kill('SIGKILL');
      await exited;
      const meanwhile = await fetch(`${session.gateway.url}/ping`);
      expect([meanwhile.status, meanwhile.headers.get('retry-after'), meanwhile.headers.get('content-type')]).toEqual([503, '1', 'application/problem+json']);
      await until(async () => (await fetch(`${session.gateway.url}/ping`)).status === 200, 'the unit to be back');
      const after = (await (await fetch(`${session.gateway.url}/ping`)).json()) as { pong: number };
      expect(after.pong).not.toBe(before.pong);
      expect(lines.map((l) => [l.msg, l.unit, l.signal])).toEqual([['unit exited', 'only', 'SIGKILL'], ['unit restarted', 'only', undefined]]);
    } finally {
      await session.stop();
    }
  }, 60_000);

  it('a unit sees the client\'s address the gateway forwards, not the gateway\'s (what a rate limit keys on)', async () => {
    const app = join(scratch, 'ip.mjs');
    writeFileSync(app, "import { createApp, handler } from 'carve';\nexport default createApp({ handlers: [handler({ method: 'GET', path: '/ip', auth: 'public' }, ({ request }) => ({ ip: request.sourceIp }))] });\n");
    const session = await startDev([{ name: 'only', appModule: app, routes: [{ method: 'GET', path: '/ip' }] }], { env: { CARVE_LOG_LEVEL: 'silent' } });
    try {
      // From loopback, a trusted peer itself, the forwarded address is the client's; from anywhere else the gateway's
      // own entry (the peer it saw) is the first untrusted one, so a client cannot choose its address.
      const seen = (await (await fetch(`${session.gateway.url}/ip`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json()) as { ip: string };
      expect(seen.ip).toBe('203.0.113.9');
      expect(((await (await fetch(`${session.gateway.url}/ip`)).json()) as { ip: string }).ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await session.stop();
    }
  }, 60_000);

  it('units go when the process that started them is killed: no orphans', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./__fixtures__/dev-parent.ts', import.meta.url)), slowApp()], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    parent.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    await until(() => /unit (\d+)/.test(output), 'the unit to start');
    const pid = Number(/unit (\d+)/.exec(output)![1]);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    parent.kill('SIGKILL');
    await until(() => !alive(), 'the orphaned unit to exit');
  }, 60_000);
});

