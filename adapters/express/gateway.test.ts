import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './gateway.js';

/** A server that answers with the request line it got, and counts its requests. */
async function echoServer(): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Sends a raw request line (clients normalize the ones these tests need), and gives the status and body. */
function rawRequest(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => void (text += String(chunk)));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

describe('the gateway hands a request to its unit as it was sent, and to no one else', () => {
  let unit: Awaited<ReturnType<typeof echoServer>>;
  let secret: Awaited<ReturnType<typeof echoServer>>;
  let gateway: Gateway;
  beforeAll(async () => {
    [unit, secret] = await Promise.all([echoServer(), echoServer()]);
    const legacy = { name: 'legacy', url: unit.url, routes: [] };
    gateway = await startGateway([{ name: 'items', url: unit.url, routes: [{ method: 'GET', path: '/a/items/{id}' }] }], { fallback: legacy });
  });
  afterAll(async () => {
    await gateway.close();
    unit.server.close();
    secret.server.close();
  });

  it('never proxies to a host the request names (SSRF): //host/path is a path, an absolute URL is refused', async () => {
    const secretPort = new URL(secret.url).port;
    const slashes = await rawRequest(gateway.port, `//127.0.0.1:${secretPort}/secret`);
    expect(slashes).toEqual({ status: 200, body: `GET //127.0.0.1:${secretPort}/secret` });
    const absolute = await rawRequest(gateway.port, `http://127.0.0.1:${secretPort}/secret`);
    expect(absolute.status).toBe(400);
    expect(absolute.body).toMatch(/origin-form/);
    expect(secret.seen).toEqual([]);
  });

  it('passes the path on as sent: dot segments and their encodings arrive as the router matched them', async () => {
    expect(await rawRequest(gateway.port, '/a/items/%2e%2e')).toEqual({ status: 200, body: 'GET /a/items/%2e%2e' });
    expect(await rawRequest(gateway.port, '/files/../index.js?x=1')).toEqual({ status: 200, body: 'GET /files/../index.js?x=1' });
  });
});

describe('a body over the limit: every client reads its 413, directly and through the gateway', () => {
  it('10 concurrent uploads of 7 MB against a 64 KB limit, with and without Content-Length, all get 413', async () => {
    const { createApp, handler } = await import('carve');
    const { serve } = await import('./serve.js');
    const upload = handler({ method: 'POST', path: '/upload', auth: 'public', accepts: ['*/*'] }, ({ request }) => ({ bytes: String(request.body).length }));
    const server = await serve(createApp({ handlers: [upload], bodyLimit: 64 * 1024, logger: { level: 'silent' } }), { port: 0, handleSignals: false });
    const gateway = await startGateway([{ name: 'uploads', url: server.url, routes: [{ method: 'POST', path: '/upload' }] }]);
    const body = new Uint8Array(7 * 1024 * 1024);
    // Without a length, fetch sends the body chunked: the limit is found while reading.
    const chunked = () => new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 7; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    try {
      for (const base of [server.url, gateway.url]) {
        const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${base}/upload`, {
          method: 'POST', body: i % 2 ? body : chunked(), duplex: 'half', headers: { 'content-type': 'application/octet-stream' },
        } as RequestInit).then((r) => r.status, (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message)));
        expect(statuses, base).toEqual(Array(10).fill(413));
      }
    } finally {
      await gateway.close();
      await server.close();
    }
  }, 60_000);
});
