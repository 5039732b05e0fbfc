import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express5, { type NextFunction, type Request, type Response } from 'express';
import express4 from 'express4';
import { describe, expect, it } from 'vitest';
import { createApp, handler } from 'carve';
import { fromExpress } from 'carve/compat/express';

const files = mkdtempSync(join(tmpdir(), 'carve-compat-'));
writeFileSync(join(files, 'report.txt'), 'quarterly\n');

// A middleware that sets headers and goes on, as helmet() does; one that reads a header and stops the request.
const securityHeaders = (_req: Request, res: Response, next: NextFunction) => {
  res.setHeader('x-content-type-options', 'nosniff');
  next();
};
const requireKey = (req: Request, res: Response, next: NextFunction) => (req.get('x-key') === 'k1' ? next() : res.status(401).json({ error: 'no key' }));

// Legacy apps run Express 4 as often as 5: the compat layer runs the app's own express, either one.
describe.each([['Express 5', express5], ['Express 4', express4 as unknown as typeof express5]])('fromExpress, %s', (_name, express) => {
  const users = express.Router({ mergeParams: true });
  users.get('/:id', (req, res) => {
    res.format({
      'text/plain': () => res.send(`user ${req.params.id} of ${(req.params as Record<string, string>)['org']}`),
      'application/json': () => res.json({ id: req.params.id, org: (req.params as Record<string, string>)['org'], baseUrl: req.baseUrl, originalUrl: req.originalUrl, ip: req.ip, protocol: req.protocol }),
    });
  });
  users.post('/', (req, res) => res.status(201).cookie('last', String(req.body.name), { httpOnly: true }).json({ created: req.body.name, json: req.is('application/json') }));
  users.get('/:id/report', (_req, res) => res.sendFile(join(files, 'report.txt')));
  users.get('/:id/missing', (_req, res, next) => res.sendFile(join(files, 'nope.txt'), (error) => next(error)));
  // Express 5 passes a rejected handler's error on; Express 4 only a thrown one (apps add express-async-errors).
  users.get('/:id/fails', express === express5 ? async () => {
    throw Object.assign(new Error('gone'), { status: 410 });
  } : () => {
    throw Object.assign(new Error('gone'), { status: 410 });
  });

  const legacy = fromExpress(express as never, (app) => {
    app.use(securityHeaders);
    app.use(express.json());
    app.use('/orgs/:org/users', requireKey, users);
    app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => res.status(error.status ?? 500).json({ error: error.message }));
  });

  const routes = ['GET /orgs/{org}/users/{id}', 'POST /orgs/{org}/users', 'GET /orgs/{org}/users/{id}/report', 'GET /orgs/{org}/users/{id}/missing', 'GET /orgs/{org}/users/{id}/fails'];
  const app = createApp({
    handlers: routes.map((route) => {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      return handler({ method, path, resource: 'users', auth: 'public' }, ({ request }) => legacy(request));
    }),
  });
  const key = { 'x-key': 'k1' };

  it('runs the middleware in front of the route and the router, with Express own request API', async () => {
    const res = await app.inject({ method: 'GET', url: '/orgs/acme/users/7?x=1', headers: { ...key, accept: 'application/json' }, sourceIp: '10.0.0.9' });
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toMatchObject({ id: '7', org: 'acme', baseUrl: '/orgs/acme/users', originalUrl: '/orgs/acme/users/7?x=1' });
    const text = await app.inject({ method: 'GET', url: '/orgs/acme/users/7', headers: { ...key, accept: 'text/plain' } });
    expect(text.body).toBe('user 7 of acme');
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('lets a middleware answer instead of the route', async () => {
    const res = await app.inject({ method: 'GET', url: '/orgs/acme/users/7' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'no key' });
  });

  it('hands the body to Express body parsers and keeps its cookies apart', async () => {
    const res = await app.inject({ method: 'POST', url: '/orgs/acme/users', headers: key, body: { name: 'ada' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 'ada', json: 'application/json' });
    expect(res.cookies).toEqual(['last=ada; Path=/; HttpOnly']);
  });

  it('sends files, and the status Express gives a missing one', async () => {
    const res = await app.inject({ method: 'GET', url: '/orgs/acme/users/7/report', headers: key });
    expect(res.status).toBe(200);
    expect(res.body).toBe('quarterly\n');
    const missing = await app.inject({ method: 'GET', url: '/orgs/acme/users/7/missing', headers: key });
    expect(missing.status).toBe(404);
  });

  it('passes errors to the error middleware set up with the route', async () => {
    const res = await app.inject({ method: 'GET', url: '/orgs/acme/users/7/fails', headers: key });
    expect(res.status).toBe(410);
    expect(res.body).toEqual({ error: 'gone' });
  });
});
