import { createApp, handler } from 'carve';
import { z } from 'carve/zod';
import express from 'express';
import express4 from 'express4';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { toExpressRouter } from './router.js';

const createNote = handler({
  method: 'POST', path: '/notes', auth: 'public', status: 201,
  body: z.object({ text: z.string() }),
}, ({ body }) => ({ saved: body.text }));
const echoBytes = handler({ method: 'POST', path: '/bytes', auth: 'public' }, ({ request }) => ({ length: request.body?.byteLength ?? 0 }));
const app = createApp({ handlers: [createNote, echoBytes], bodyLimit: 1024 });

describe('toExpressRouter', () => {
  it('serves carve routes and leaves the rest, body unread, to the legacy app behind it', async () => {
    const legacy = express();
    legacy.use(toExpressRouter(app));
    legacy.post('/legacy/orders', express.json(), (req, res) => void res.status(202).json({ legacy: true, got: req.body }));
    legacy.post('/notes/archive', express.text(), (req, res) => void res.json({ legacy: true, got: req.body }));

    const carve = await request(legacy).post('/notes').send({ text: 'hi' });
    expect(carve.status).toBe(201);
    expect(carve.body).toEqual({ saved: 'hi' });

    const old = await request(legacy).post('/legacy/orders').send({ id: 7 });
    expect(old.status).toBe(202);
    expect(old.body).toEqual({ legacy: true, got: { id: 7 } });

    const text = await request(legacy).post('/notes/archive').set('content-type', 'text/plain').send('all of it');
    expect(text.body).toEqual({ legacy: true, got: 'all of it' });
  });

  it('mounts in an Express 4 app as in an Express 5 one (a legacy app\'s own express serves the strangler)', async () => {
    const legacy = express4();
    legacy.use(toExpressRouter(app));
    legacy.post('/legacy/orders', express4.json(), (req, res) => void res.status(202).json({ legacy: true, got: req.body }));
    expect(await request(legacy).post('/notes').send({ text: 'hi' }).then((r) => [r.status, r.body])).toEqual([201, { saved: 'hi' }]);
    expect(await request(legacy).post('/legacy/orders').send({ id: 7 }).then((r) => [r.status, r.body])).toEqual([202, { legacy: true, got: { id: 7 } }]);
    expect((await request(legacy).post('/bytes').set('content-type', 'application/octet-stream').send(Buffer.from('abc'))).body).toEqual({ length: 3 });
  });

  it('hands wrong-method requests on in fall-through mode, answers 405 otherwise', async () => {
    const legacy = express();
    legacy.use(toExpressRouter(app));
    legacy.get('/notes', (_req, res) => void res.json({ legacy: 'list' }));
    expect((await request(legacy).get('/notes')).body).toEqual({ legacy: 'list' });

    const strict = express().use(toExpressRouter(app, { fallthrough: false }));
    const res = await request(strict).get('/notes');
    expect(res.status).toBe(405);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });

  it('routes relative to where it is mounted', async () => {
    const web = express().use('/api/v1', toExpressRouter(app));
    const res = await request(web).post('/api/v1/notes').send({ text: 'mounted' });
    expect(res.status).toBe(201);
  });

  it('still gets the body when express.json() ran first', async () => {
    const web = express().use(express.json()).use(toExpressRouter(app));
    const res = await request(web).post('/notes').send({ text: 'pre-parsed' });
    expect(res.body).toEqual({ saved: 'pre-parsed' });
  });

  it('answers 413 from Content-Length without reading, and 413 while streaming a chunked body', async () => {
    const web = express().use(toExpressRouter(app, { fallthrough: false }));
    const declared = await request(web).post('/bytes').set('content-type', 'application/octet-stream').send(Buffer.alloc(2048));
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toBe('application/problem+json');

    const chunked = request(web).post('/bytes').set('content-type', 'application/octet-stream').set('transfer-encoding', 'chunked');
    for (let i = 0; i < 4; i++) chunked.write(Buffer.alloc(512));
    const res = await chunked;
    expect(res.status).toBe(413);
  });

  it('serves the OpenAPI document when asked', async () => {
    const web = express().use(toExpressRouter(app, { openapi: '/openapi.json' }));
    const res = await request(web).get('/openapi.json');
    expect(res.body).toMatchObject({ openapi: '3.1.0', paths: { '/notes': { post: expect.any(Object) } } });
  });
});
