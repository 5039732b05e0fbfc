import azureFunctions from '@azure/functions';
import { createApp, handler } from 'carve';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { toAzureHandler } from './handler.js';
import { legacyAzureHandler } from './legacy.js';

// The real classes: the response goes through HttpResponse, the way the worker reads a handler's result.
const { HttpRequest, HttpResponse, InvocationContext } = azureFunctions;
type Init = ConstructorParameters<typeof HttpRequest>[0];
const request = (init: Partial<Init> & { url: string }) => new HttpRequest({ method: 'GET', ...init, url: `http://localhost:7071${init.url}` });
const context = () => new InvocationContext({ invocationId: 'inv-legacy', functionName: 'carve-fallback', logHandler: () => {} });

const legacy = express();
legacy.use(express.json());
legacy.get('/orders/:id', (req, res) => void res.json({ from: 'legacy', id: req.params.id, query: req.query, path: req.path, ip: req.ip }));
legacy.post('/orders', (req, res) => void res.status(201).json({ from: 'legacy', got: req.body }));
legacy.get('/logo', (_req, res) => void res.type('png').send(Buffer.from([0x89, 0x50, 0x00, 0xff])));
legacy.get('/login', (_req, res) => {
  res.cookie('session', 'a=b==', { httpOnly: true, path: '/' });
  res.cookie('theme', 'dark', { sameSite: 'lax', maxAge: 60_000 });
  res.set('x-legacy', 'yes').send('<p>hi</p>');
});

const migrated = createApp({ logger: { level: 'silent' }, remainder: legacy, handlers: [
  handler({ method: 'GET', path: '/courses', auth: 'public' }, () => ({ from: 'carve' })),
] });
const azure = toAzureHandler(migrated, { fallback: legacyAzureHandler(legacy) });
const send = async (init: Partial<Init> & { url: string }) => new HttpResponse(await azure(request(init), context()));

describe('strangler on Azure Functions v4: carve routes first, the legacy Express app behind them', () => {
  it('serves migrated routes with carve', async () => {
    const response = await send({ url: '/api/courses' });
    expect([response.status, await response.json()]).toEqual([200, { from: 'carve' }]);
  });

  it('hands everything else to the legacy app, route prefix stripped, query and client address kept', async () => {
    const response = await send({ url: '/api/orders/42?tag=a&tag=b', headers: { 'x-forwarded-for': '203.0.113.7:50123' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ from: 'legacy', id: '42', query: { tag: ['a', 'b'] }, path: '/orders/42', ip: '203.0.113.7' });
  });

  it('passes the body through: a carve miss reads nothing, so the legacy app gets every byte', async () => {
    const response = await send({ method: 'POST', url: '/api/orders', headers: { 'content-type': 'application/json' }, body: { string: '{"sku":"A-1","note":"żółw"}' } });
    expect([response.status, await response.json()]).toEqual([201, { from: 'legacy', got: { sku: 'A-1', note: 'żółw' } }]);
  });

  it('binary bodies come back byte for byte', async () => {
    const response = await send({ url: '/api/logo' });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x89, 0x50, 0x00, 0xff]);
  });

  it('every Set-Cookie travels in cookies[] with its value and attributes intact', async () => {
    const response = await send({ url: '/api/login' });
    expect(await response.text()).toBe('<p>hi</p>');
    expect(response.headers.get('x-legacy')).toBe('yes');
    expect(response.cookies).toEqual([
      { name: 'session', value: 'a%3Db%3D%3D', path: '/', httpOnly: true },
      expect.objectContaining({ name: 'theme', value: 'dark', path: '/', maxAge: 60, sameSite: 'Lax' }),
    ]);
  });

  it('the legacy app answers what neither has, in its own way (Express 5 finalhandler, serverless-express#698)', async () => {
    const response = await send({ url: '/api/nowhere' });
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/Cannot GET \/nowhere/);
  });

  it('an app with a remainder and no fallback is refused at startup, saying what to pass', () => {
    expect(() => toAzureHandler(migrated)).toThrow(/legacy remainder: pass toAzureHandler\(app, \{ fallback: legacyAzureHandler\(app.remainder\) \}\)/);
  });
});
