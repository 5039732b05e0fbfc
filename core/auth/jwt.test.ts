import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJwksServer, type JwksServer } from '../../test/support/jwks-server.js';
import { createApp } from '../app.js';
import { handler } from '../handler.js';
import type { Authenticator } from './authenticator.js';
import { jwtAuth } from './jwt.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const me = handler({ method: 'GET', path: '/me', auth: 'authenticated' }, ({ principal }) => ({ sub: principal.sub, roles: principal.roles }));
const teachersOnly = handler({ method: 'GET', path: '/staff', auth: { roles: ['teacher'] } }, () => 'ok');

const appWith = (auth: Authenticator) => createApp({ handlers: [me, teachersOnly], auth, logger: { level: 'silent' } });
const call = (app: ReturnType<typeof appWith>, jwt?: string, url = '/me') =>
  app.inject({ method: 'GET', url, headers: jwt === undefined ? {} : { authorization: `Bearer ${jwt}` } });

const now = () => Math.floor(Date.now() / 1000);
function hs(claims: Record<string, unknown> = {}, secret = SECRET) {
  const payload = { sub: 'stu-1', iss: 'gradebook', aud: 'api', iat: now(), exp: now() + 300, roles: ['student'], ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

describe('jwtAuth with a shared secret', () => {
  const app = appWith(jwtAuth({ secret: SECRET, issuer: 'gradebook', audience: 'api' }));

  it('accepts a valid token and exposes sub and roles', async () => {
    const res = await call(app, await hs());
    expect(res).toMatchObject({ status: 200, body: { sub: 'stu-1', roles: ['student'] } });
  });

  const rejected: [string, () => Promise<string | undefined>, RegExp][] = [
    ['missing', async () => undefined, /authentication required/],
    ['expired', () => hs({ exp: now() - 60 }), /token expired/],
    ['not yet valid', () => hs({ nbf: now() + 600 }), /not yet valid/],
    ['wrong audience', () => hs({ aud: 'other' }), /claim "aud"/],
    ['wrong issuer', () => hs({ iss: 'evil' }), /claim "iss"/],
    ['badly signed', () => hs({}, 'another-secret-another-secret-another'), /signature/],
    ['alg none', async () => unsecured({ sub: 'stu-1', iss: 'gradebook', aud: 'api', exp: now() + 60 }), /algorithm not allowed|invalid/],
    ['garbage', async () => 'not.a.jwt', /invalid/],
    ['no subject', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('gradebook').setAudience('api')
      .setExpirationTime('5m').sign(new TextEncoder().encode(SECRET)), /"sub"/],
    // Without "exp" a token would be valid forever: refused unless the app says otherwise.
    ['never expiring', () => hs({ exp: undefined }), /token has no "exp" claim/],
  ];
  for (const [name, make, detail] of rejected) {
    it(`rejects a ${name} token with 401 problem+json`, async () => {
      const res = await call(app, await make());
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((res.body as { detail: string }).detail).toMatch(detail);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
    });
  }

  it('accepts a token without "exp" only when told to, and then only up to the maximum token age', async () => {
    expect(() => jwtAuth({ secret: SECRET, requireExpiry: false })).toThrow(/requireExpiry: false needs maxTokenAge/);
    const lenient = appWith(jwtAuth({ secret: SECRET, issuer: 'gradebook', audience: 'api', requireExpiry: false, maxTokenAge: '1h' }));
    expect((await call(lenient, await hs({ exp: undefined }))).status).toBe(200);
    const old = await call(lenient, await hs({ exp: undefined, iat: now() - 7200 }));
    expect([old.status, (old.body as { detail: string }).detail]).toEqual([401, 'token is older than the maximum token age']);
    const noIat = await call(lenient, await hs({ exp: undefined, iat: undefined }));
    expect([noIat.status, (noIat.body as { detail: string }).detail]).toEqual([401, 'token has no "iat" claim']);
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await app.inject({ method: 'GET', url: '/me', headers: { authorization: 'Bearer a b' } });
    expect(res.status).toBe(401);
  });

  it('403 when the role is missing', async () => {
    const res = await call(app, await hs(), '/staff');
    expect(res).toMatchObject({ status: 403, body: { detail: 'requires one of the roles: teacher' } });
    expect((await call(app, await hs({ roles: 'teacher admin' }), '/staff')).status).toBe(200);
  });

  it('refuses to be configured with "none" or with two key sources', () => {
    expect(() => jwtAuth({ secret: SECRET, algorithms: ['none'] })).toThrow(/none/);
    expect(() => jwtAuth({ secret: SECRET, jwksUrl: 'http://127.0.0.1/jwks' })).toThrow(/exactly one/);
  });
});

describe('jwtAuth with a public key or a JWKS endpoint', () => {
  let jwks: JwksServer;
  beforeAll(async () => void (jwks = await startJwksServer()));
  afterAll(() => jwks.close());

  const rs = (kid = 'k1') => new SignJWT({ roles: ['teacher'] }).setProtectedHeader({ alg: 'RS256', kid }).setSubject('tea-1')
    .setIssuer('gradebook').setAudience('api').setExpirationTime('5m').sign(jwks.privateKey);

  it('verifies against a JWKS endpoint', async () => {
    const app = appWith(jwtAuth({ jwksUrl: jwks.url, issuer: 'gradebook', audience: 'api' }));
    expect(await call(app, await rs(), '/staff')).toMatchObject({ status: 200 });
  });

  it('rejects an unknown kid', async () => {
    const app = appWith(jwtAuth({ jwksUrl: jwks.url, issuer: 'gradebook', audience: 'api' }));
    const res = await call(app, await rs('other'));
    expect(res).toMatchObject({ status: 401, body: { detail: 'no key matches the token' } });
  });

  it('verifies against a PEM public key', async () => {
    const app = appWith(jwtAuth({ publicKey: jwks.publicPem, algorithms: ['RS256'], issuer: 'gradebook', audience: 'api' }));
    expect((await call(app, await rs())).status).toBe(200);
  });

  it('refuses HS256 tokens signed with the public key (key confusion)', async () => {
    const app = appWith(jwtAuth({ publicKey: jwks.publicPem, algorithms: ['RS256'], issuer: 'gradebook', audience: 'api' }));
    const forged = await hs({}, jwks.publicPem);
    expect((await call(app, forged)).status).toBe(401);
  });

  it('fails closed when the JWKS endpoint is down', async () => {
    const app = appWith(jwtAuth({ jwksUrl: 'http://127.0.0.1:9/jwks.json', issuer: 'gradebook', audience: 'api' }));
    const res = await call(app, await rs());
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });
});

function unsecured(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
