import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createApp, handler, token } from 'carve';
import { describe, expect, it } from 'vitest';
import { serve } from './serve.js';

describe('serve', () => {
  it('logs a client that hangs up mid-body once, at info, as an aborted request: no error, no stack', async () => {
    const lines: { level: string; msg: string; status?: number }[] = [];
    let arrived!: () => void;
    const started = new Promise<void>((resolve) => (arrived = resolve));
    const post = handler({ method: 'POST', path: '/items', auth: 'public' }, ({ request }) => ({ bytes: String(request.body).length }));
    const app = createApp({
      handlers: [post],
      middleware: [(request, next) => (arrived(), next())],
      logger: { level: 'info', sink: (line) => lines.push(JSON.parse(line)) },
    });
    const server = await serve(app, { port: 0, handleSignals: false });
    try {
      const socket = connect(server.port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write('POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":');
      await started;
      socket.destroy();
      while (lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines.map((l) => [l.level, l.msg, l.status])).toEqual([['info', 'request aborted', 400]]);
    } finally {
      await server.close();
    }
  });

  it('serves the app and /openapi.json on loopback', async () => {
    const hello = handler({ method: 'GET', path: '/hello', auth: 'public' }, () => ({ hello: 'world' }));
    const server = await serve(createApp({ handlers: [hello] }), { port: 0, handleSignals: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/hello`)).json()).toEqual({ hello: 'world' });
      expect(await (await fetch(`${server.url}/openapi.json`)).json()).toMatchObject({ openapi: '3.1.0' });
      const missing = await fetch(`${server.url}/nope`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      await server.close();
    }
  });

  it('answers what the legacy remainder passes on as the legacy app itself would (its status, its page)', async () => {
    const legacy = express();
    legacy.get('/users/:id', (req, _res, next) => next(Object.assign(new Error(`failed to parseInt ${req.params.id}`), { status: 400 })));
    legacy.get('/report', (_req, res, next) => res.sendFile('/nonexistent/report.txt', (error) => next(error)));
    const alone = await serve(createApp({ handlers: [], remainder: express().use((req, res) => legacy(req, res)) }), { port: 0, handleSignals: false });
    const server = await serve(createApp({ handlers: [], remainder: legacy }), { port: 0, handleSignals: false });
    try {
      for (const path of ['/users/foo', '/report', '/nowhere']) {
        const [before, after] = await Promise.all([fetch(`${alone.url}${path}`), fetch(`${server.url}${path}`)]);
        expect([after.status, after.headers.get('content-type')], path).toEqual([before.status, before.headers.get('content-type')]);
        expect(await after.text(), path).toBe(await before.text());
      }
      expect((await fetch(`${server.url}/users/foo`)).status).toBe(400);
      expect((await fetch(`${server.url}/report`)).status).toBe(404);
    } finally {
      await Promise.all([server.close(), alone.close()]);
    }
  });

  it('refuses to start when a handler cannot get its dependencies', async () => {
    const Missing = token<string>('Missing');
    const broken = handler({ method: 'GET', path: '/broken', auth: 'public', inject: { m: Missing } }, () => 'x');
    await expect(serve(createApp({ handlers: [broken] }), { port: 0, handleSignals: false }))
      .rejects.toThrow(/GET \/broken \(getBroken\) needs Missing/);
  });

  it('drains in-flight requests on SIGTERM, disposes providers, and exits 0', async () => {
    const script = fileURLToPath(new URL('./__fixtures__/slow-server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!/listening (\d+)/.test(output)) await once(child.stdout, 'data');
    const port = /listening (\d+)/.exec(output)![1];
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    // fetch keeps connections alive: told this one closes, the client opens its next request elsewhere, never on a reset.
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ done: true });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('disposed');
  });
});
