import { apiKeyAuth, cors, createApp, handler, jwtAuth, reply, type App, type Schema } from 'carve';
import { z } from 'carve/zod';
import * as zm from 'carve/zod/mini';
import * as v from 'valibot';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractCase } from '../contract/case.js';
import { runCases } from '../contract/run.js';
import { targets, type Running } from '../contract/targets.js';
import { startJwksServer, type JwksServer } from '../support/jwks-server.js';

// The same hostile requests on every target: Express, every Lambda event shape, Azure.
type Caller = 'valid' | 'algNone' | 'keyConfusion' | 'expired' | 'neverExpires' | 'notYetValid' | 'wrongIssuer' | 'wrongAudience' | 'unknownKid' | 'apiKey' | 'badApiKey';

let jwks: JwksServer;
const credentials = {} as Record<Caller, Record<string, string>>;
const now = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'u-1', iss: 'carve-tests', aud: 'api', exp: now() + 300, roles: ['reader'], ...extra });
const rs = (extra: Record<string, unknown> = {}, kid = 'k1') => new SignJWT(claims(extra)).setProtectedHeader({ alg: 'RS256', kid }).sign(jwks.privateKey);

beforeAll(async () => {
  jwks = await startJwksServer();
  const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
  Object.assign(credentials, {
    valid: bearer(await rs()),
    algNone: bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`),
    // HS256 signed with the RSA public key as the HMAC secret: the classic key-confusion forgery.
    keyConfusion: bearer(await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(jwks.publicPem))),
    expired: bearer(await rs({ exp: now() - 600 })),
    neverExpires: bearer(await rs({ exp: undefined })),
    notYetValid: bearer(await rs({ nbf: now() + 600 })),
    wrongIssuer: bearer(await rs({ iss: 'someone-else' })),
    wrongAudience: bearer(await rs({ aud: 'other-api' })),
    unknownKid: bearer(await rs({}, 'k-unknown')),
    apiKey: { 'x-api-key': 'key-123' },
    badApiKey: { 'x-api-key': 'key-124' },
  });
});
afterAll(() => jwks.close());

// The hostile bodies go through the app's schemas, written in each library carve is run with.
interface BodySchemas {
  open: Schema<Record<string, unknown>>;
  named: Schema<{ name: string }>;
}
const FLAVORS: Record<string, BodySchemas> = {
  zod: { open: z.looseObject({}), named: z.object({ name: z.string().min(1) }) },
  'zod-mini': { open: zm.looseObject({}), named: zm.object({ name: zm.string().check(zm.minLength(1)) }) },
  valibot: { open: v.looseObject({}), named: v.object({ name: v.pipe(v.string(), v.minLength(1)) }) },
};

function securityApp(jwksEndpoint: string, schemas: BodySchemas = FLAVORS['zod']!): App {
  return createApp({
    name: 'security',
    logger: { level: 'silent' },
    auth: [jwtAuth({ jwksUrl: jwksEndpoint, issuer: 'carve-tests', audience: 'api' }), apiKeyAuth({ keys: { 'key-123': { sub: 'svc', roles: ['reader'] } } })],
    middleware: [cors({ origins: ['https://app.example.test'], credentials: true })],
    handlers: [
      handler({ method: 'GET', path: '/me', auth: { roles: ['reader'] } }, ({ principal }) => ({ sub: principal.sub, scheme: principal.scheme })),
      handler({ method: 'POST', path: '/json', auth: 'public', body: schemas.open }, ({ body }) => ({ keys: Object.keys(body), polluted: ({} as Record<string, unknown>)['polluted'] ?? null })),
      handler({ method: 'POST', path: '/named', auth: 'public', body: schemas.named }, ({ body }) => ({ ...body, polluted: ({} as Record<string, unknown>)['polluted'] ?? null })),
      handler({ method: 'GET', path: '/query', auth: 'public' }, ({ query }) => ({ keys: Object.keys(query).sort(), polluted: ({} as Record<string, unknown>)['polluted'] ?? null })),
      handler({ method: 'GET', path: '/inject', auth: 'public' }, () => reply({ headers: { 'x-evil': 'a\r\nset-cookie: stolen=1' }, body: 'never' })),
      handler({ method: 'GET', path: '/files/{name}', auth: 'public' }, ({ params }) => ({ name: params['name'] })),
    ],
  });
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const cases: ContractCase<Caller>[] = [
  { name: 'a valid RS256 token from the JWKS', as: 'valid', request: { method: 'GET', url: '/me' }, expect: { status: 200, body: { sub: 'u-1', scheme: 'jwt' } } },
  { name: 'alg: none → 401', as: 'algNone', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true } },
  { name: 'HS/RS key confusion → 401', as: 'keyConfusion', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true } },
  { name: 'expired → 401', as: 'expired', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true, body: { detail: 'token expired' } } },
  { name: 'no exp (valid forever) → 401', as: 'neverExpires', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true, body: { detail: 'token has no "exp" claim' } } },
  { name: 'nbf in the future → 401', as: 'notYetValid', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true, body: { detail: 'token not yet valid' } } },
  { name: 'wrong issuer → 401', as: 'wrongIssuer', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true } },
  { name: 'wrong audience → 401', as: 'wrongAudience', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true } },
  { name: 'unknown kid → 401', as: 'unknownKid', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true, body: { detail: 'no key matches the token' } } },
  { name: 'a valid API key', as: 'apiKey', request: { method: 'GET', url: '/me' }, expect: { status: 200, body: { sub: 'svc', scheme: 'api-key' } } },
  { name: 'a wrong API key → 401', as: 'badApiKey', request: { method: 'GET', url: '/me' }, expect: { status: 401, problem: true } },
  {
    name: '__proto__ and constructor.prototype in a JSON body pollute nothing',
    request: { method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ok":1}' },
    expect: { status: 200, body: { polluted: null } },
  },
  {
    name: '__proto__ in a query string pollutes nothing',
    request: { method: 'GET', url: '/query?__proto__[polluted]=1&__proto__=x&constructor[prototype][polluted]=1' },
    expect: { status: 200, body: { polluted: null, keys: ['__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]'] } },
  },
  {
    name: '__proto__ beside a typed field: the field passes, nothing is polluted',
    request: { method: 'POST', url: '/named', headers: { 'content-type': 'application/json' }, body: '{"name":"ada","__proto__":{"polluted":true}}' },
    expect: { status: 200, body: { name: 'ada', polluted: null } },
  },
  {
    name: 'a body its schema refuses → 400 naming the field',
    request: { method: 'POST', url: '/named', headers: { 'content-type': 'application/json' }, body: '{"name":""}' },
    expect: { status: 400, problem: true, body: { errors: [expect.objectContaining({ path: 'body.name' })] } },
  },
  { name: 'CR/LF in a header value set by a handler is refused, nothing injected', request: { method: 'GET', url: '/inject' }, expect: { status: 500, problem: true, absentHeaders: ['x-evil'], cookies: [] } },
  { name: 'path traversal in a parameter is just a string', request: { method: 'GET', url: '/files/..%2F..%2Fetc%2Fpasswd' }, expect: { status: 200, body: { name: '../../etc/passwd' } } },
  { name: 'an oversized header section → 431', request: { method: 'GET', url: '/query', headers: { 'x-big': 'x'.repeat(17 * 1024) } }, expect: { status: 431 } },
  { name: 'an oversized query string → 414', request: { method: 'GET', url: `/query?q=${'x'.repeat(9 * 1024)}` }, expect: { status: 414, problem: true } },
  {
    name: 'JSON nested deeper than the limit → 400',
    request: { method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, body: nested(100) },
    expect: { status: 400, problem: true, body: { detail: 'the JSON body is nested 100 levels deep; the limit is 64' } },
  },
  {
    name: 'CORS with credentials names the origin, never *',
    request: { method: 'OPTIONS', url: '/me', headers: { origin: 'https://app.example.test', 'access-control-request-method': 'GET' } },
    expect: { status: 204, headers: { 'access-control-allow-origin': 'https://app.example.test', 'access-control-allow-credentials': 'true' } },
  },
  {
    name: 'CORS gives another origin nothing',
    request: { method: 'OPTIONS', url: '/me', headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' } },
    expect: { status: 204, absentHeaders: ['access-control-allow-origin', 'access-control-allow-credentials'] },
  },
];

// HTTP API hands over rawPath decoded, so %2F arrives as a separator: the value is not one parameter there,
// and the request is a 404 (never a traversal). adapters/aws tests that decoding directly.
const GAPS: Record<string, ReadonlyMap<string, string>> = {
  'aws lambda: HTTP API payload 2.0': new Map([['path traversal in a parameter is just a string', 'HTTP API decodes %2F into a separator before carve sees it']]),
};

for (const target of targets) {
  for (const [flavor, schemas] of Object.entries(FLAVORS)) {
    describe(`security (${flavor} schemas): ${target.name}`, () => {
      let running: Running;
      beforeAll(async () => void (running = await target.start(securityApp(jwks.url, schemas))));
      afterAll(() => running?.stop());
      runCases(cases, () => running.client, () => credentials, undefined, GAPS[target.name]);
    });
  }

  describe(`security, JWKS endpoint down: ${target.name}`, () => {
    let running: Running;
    beforeAll(async () => void (running = await target.start(securityApp('http://127.0.0.1:9/jwks.json'))));
    afterAll(() => running?.stop());
    runCases([{ name: 'fails closed (503), even for a well-signed token', as: 'valid', request: { method: 'GET', url: '/me' }, expect: { status: 503, problem: true } }],
      () => running.client, () => credentials);
  });
}

describe('nesting scan', () => {
  it('ignores brackets inside strings', async () => {
    const { nestingDepth } = await import('../../core/body.js');
    expect(nestingDepth('{"a":"[[[{{{","b":[1,{"c":"\\\\\\"]"}]}')).toBe(3);
  });
});
