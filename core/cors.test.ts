import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { cors, type CorsOptions } from './cors.js';
import { handler } from './handler.js';

const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => 'pong');
const appWith = (options: CorsOptions) => createApp({ handlers: [ping], middleware: [cors(options)] });

describe('cors', () => {
  it('says what a gateway can answer in its place, only where the gateway grants exactly the same', () => {
    expect(cors({ origins: ['https://a.example'], allowHeaders: ['content-type'], credentials: true, maxAge: 60 }).gateway?.cors).toEqual({
      allowOrigins: ['https://a.example'], allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], allowHeaders: ['content-type'], exposeHeaders: [], allowCredentials: true, maxAge: 60,
    });
    expect(cors({ origins: '*' }).gateway?.cors).toMatchObject({ allowOrigins: ['*'], allowHeaders: ['*'], allowCredentials: false });
    // A predicate, headers reflected with credentials, a 200 preflight: carve answers itself.
    expect(cors({ origins: (o) => o.endsWith('.example') }).gateway).toBeUndefined();
    expect(cors({ origins: ['https://a.example'], credentials: true }).gateway).toBeUndefined();
    expect(cors({ origins: ['https://a.example'], preflightStatus: 200 }).gateway).toBeUndefined();
  });

  it('refuses "*" with credentials at startup', () => {
    expect(() => cors({ origins: '*', credentials: true })).toThrow(/cannot be combined with credentials/);
  });

  it('answers a preflight for an allowed origin and grants nothing to others', async () => {
    const app = appWith({ origins: ['https://app.test'], credentials: true, maxAge: 600 });
    const preflight = { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' };
    const ok = await app.inject({ method: 'OPTIONS', url: '/ping', headers: { origin: 'https://app.test', ...preflight } });
    expect(ok.status).toBe(204);
    expect(ok.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.test', 'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization', 'access-control-max-age': '600',
    });
    const denied = await app.inject({ method: 'OPTIONS', url: '/ping', headers: { origin: 'https://evil.test', ...preflight } });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const old = await appWith({ origins: ['https://app.test'], preflightStatus: 200 }).inject({ method: 'OPTIONS', url: '/ping', headers: { origin: 'https://app.test', ...preflight } });
    expect([old.status, old.headers['access-control-allow-origin']]).toEqual([200, 'https://app.test']);
  });

  it('decorates simple responses and varies on Origin', async () => {
    const app = appWith({ origins: (o) => o.endsWith('.app.test'), exposeHeaders: ['x-request-id'] });
    const res = await app.inject({ method: 'GET', url: '/ping', headers: { origin: 'https://a.app.test' } });
    expect(res.headers).toMatchObject({ 'access-control-allow-origin': 'https://a.app.test', vary: 'Origin', 'access-control-expose-headers': 'x-request-id' });
  });

  it('answers "*" without credentials', async () => {
    const res = await appWith({ origins: '*' }).inject({ method: 'GET', url: '/ping', headers: { origin: 'https://any.test' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    // Also without an Origin: the answer does not vary by origin, so a cached copy must hold the header.
    const plain = await appWith({ origins: '*' }).inject({ method: 'GET', url: '/ping' });
    expect([plain.headers['access-control-allow-origin'], plain.headers['vary']]).toEqual(['*', undefined]);
    const listed = await appWith({ origins: ['https://app.test'] }).inject({ method: 'GET', url: '/ping' });
    expect(listed.headers['access-control-allow-origin']).toBeUndefined();
  });
});
