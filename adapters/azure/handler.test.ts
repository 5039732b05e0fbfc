import { Buffer } from 'node:buffer';
import azureFunctions, { type HttpResponseInit } from '@azure/functions';
import { createApp, handler, reply } from 'carve';
import { z } from 'carve/zod';
import { describe, expect, it } from 'vitest';
import echo from '../../examples/echo/app.js';
import { toAzureHandler } from './handler.js';

// The real classes, constructed the way the library documents for tests (types/http.d.ts).
const { HttpRequest, InvocationContext } = azureFunctions;
type Init = ConstructorParameters<typeof HttpRequest>[0];

function request(init: Partial<Init> & { url: string }) {
  return new HttpRequest({ method: 'GET', ...init, url: `http://localhost:7071${init.url}` });
}
function context(logs: [string, string][] = []) {
  return new InvocationContext({ invocationId: 'inv-1', functionName: 'carve', logHandler: (level, ...args) => logs.push([level, args.join(' ')]) });
}
const json = (init: HttpResponseInit) => JSON.parse(typeof init.body === 'string' ? init.body : Buffer.from(init.body as Uint8Array).toString('utf8'));

const echoAzure = toAzureHandler(echo, { trustClientPrincipal: true });
const seen = async (init: Partial<Init> & { url: string }) => json(await echoAzure(request(init), context()));

const app = createApp({
  logger: { level: 'info' },
  handlers: [
    handler({ method: 'GET', path: '/users/{id}', auth: 'public', params: z.object({ id: z.coerce.number().int() }) }, ({ params }) => ({ id: params.id })),
    handler({ method: 'POST', path: '/json', auth: 'public', body: z.object({ a: z.number() }) }, ({ body }) => body),
    handler({ method: 'GET', path: '/binary', auth: 'public' }, () => reply({ headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 255, 7]) })),
    handler({ method: 'GET', path: '/cookies', auth: 'public' }, () => reply({ cookies: ['a=b==; Path=/', 'c=d; SameSite=None; Secure; HttpOnly; Max-Age=60; Domain=example.test; Expires=Thu, 01 Jan 2037 00:00:00 GMT'], body: 'ok' })),
    handler({ method: 'GET', path: '/no-content', auth: 'public' }, () => reply({ status: 204, body: 'dropped' })),
    handler({ method: 'GET', path: '/switching', auth: 'public' }, () => reply({ status: 101 })),
    handler({ method: 'GET', path: '/nothing', auth: 'public' }, () => undefined),
    handler({ method: 'GET', path: '/boom', auth: 'public' }, () => { throw new Error('secret detail'); }),
    handler({ method: 'GET', path: '/me', auth: { roles: ['editor'] } }, ({ principal }) => ({ sub: principal.sub, roles: principal.roles, scheme: principal.scheme })),
  ],
});
const azure = toAzureHandler(app, { trustClientPrincipal: true });

describe('toAzureHandler with real HttpRequest and InvocationContext (azure.md §10)', () => {
  it('1: reads repeated query keys from the URL, not the host\'s comma-joined query map', async () => {
    const body = await seen({ url: '/api/echo/q?x=1&x=2&y=a+b', query: { x: '1,2', y: 'a b' } });
    expect(body.query).toEqual({ x: ['1', '2'], y: 'a b' });
  });

  it('2 and 3: strips the route prefix; route values arrive as strings and the schema coerces them', async () => {
    expect(json(await azure(request({ url: '/api/users/42', params: { id: '42' } }), context()))).toEqual({ id: 42 });
    expect(await seen({ url: '/api/echo/a%20b' })).toMatchObject({ path: '/echo/a%20b', params: { path: 'a b' } });
    const noPrefix = toAzureHandler(echo, { routePrefix: '' });
    expect(json(await noPrefix(request({ url: '/echo/x' }), context()))).toMatchObject({ path: '/echo/x' });
  });

  it('5: a catch-all invocation is routed by carve on the full path', async () => {
    const body = await seen({ method: 'POST', url: '/api/echo/a/b/c', params: { segments: 'echo/a/b/c' } });
    expect(body).toMatchObject({ method: 'POST', params: { path: 'a/b/c' } });
  });

  it('6 and 7: every Set-Cookie becomes a cookies[] entry, values and attributes intact, none left in headers', async () => {
    const res = await azure(request({ url: '/api/cookies' }), context());
    expect(res.cookies).toEqual([
      { name: 'a', value: 'b==', path: '/' },
      { name: 'c', value: 'd', sameSite: 'None', secure: true, httpOnly: true, maxAge: 60, domain: 'example.test', expires: new Date('2037-01-01T00:00:00Z') },
    ]);
    expect(Object.keys(res.headers as object)).not.toContain('set-cookie');
  });

  it('8: a repeated request header arrives joined with ", "', async () => {
    const headers = new Headers([['x-l', 'p'], ['x-l', 'p']]);
    expect((await seen({ url: '/api/echo/h', headers: Object.fromEntries(headers) })).headers['x-l']).toBe('p, p');
  });

  it('9: JSON results are a string body with application/json, never "[object Object]"', async () => {
    const res = await azure(request({ method: 'POST', url: '/api/json', headers: { 'content-type': 'application/json' }, body: { string: '{"a":1}' } }), context());
    expect(res.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(res.body).toBe(JSON.stringify({ a: 1 }));
  });

  it('10: binary goes out and comes in byte-identical', async () => {
    const res = await azure(request({ url: '/api/binary' }), context());
    expect([...(res.body as Uint8Array)]).toEqual([0, 255, 7]);
    const bytes = new Uint8Array([0x89, 0x50, 0x00, 0xff, 0xfe, 0x80]);
    const upload = await seen({ method: 'PUT', url: '/api/echo/upload', headers: { 'content-type': 'application/octet-stream' }, body: { bytes } });
    expect(upload.bodyBase64).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('11: 204 drops its body; a status Azure cannot send is a logged 500, not a RangeError', async () => {
    const noContent = await azure(request({ url: '/api/no-content' }), context());
    expect(noContent).toMatchObject({ status: 204 });
    expect(noContent.body).toBeUndefined();
    const logs: [string, string][] = [];
    const switching = await azure(request({ url: '/api/switching' }), context(logs));
    expect(switching.status).toBe(500);
    expect(logs.some(([level, line]) => level === 'error' && line.includes('status 101 cannot be sent'))).toBe(true);
  });

  it('12: a GET with a body still runs, the body ignored', async () => {
    expect(await seen({ url: '/api/echo/get', body: { string: 'ignored' } })).toMatchObject({ method: 'GET', bodyBase64: '' });
  });

  it('13: malformed JSON is a 400 problem, not an unhandled SyntaxError', async () => {
    const res = await azure(request({ method: 'POST', url: '/api/json', headers: { 'content-type': 'application/json' }, body: { string: '{"a":' } }), context());
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({ title: 'Bad Request', instance: 'inv-1', detail: expect.stringMatching(/^malformed JSON/) });
  });

  it('14: x-ms-client-principal (Static Web Apps) is the caller when trusted; absent or untrusted means anonymous', async () => {
    const swa = Buffer.from(JSON.stringify({ identityProvider: 'github', userId: 'u-42', userDetails: 'ada', userRoles: ['anonymous', 'authenticated', 'editor'] })).toString('base64');
    const res = await azure(request({ url: '/api/me', headers: { 'x-ms-client-principal': swa } }), context());
    expect(json(res)).toEqual({ sub: 'u-42', roles: ['authenticated', 'editor'], scheme: 'azure-static-web-apps' });
    expect((await azure(request({ url: '/api/me' }), context())).status).toBe(401);
    const untrusting = toAzureHandler(app);
    expect((await untrusting(request({ url: '/api/me', headers: { 'x-ms-client-principal': swa } }), context())).status).toBe(401);
  });

  it('14: a trusted x-ms-client-principal that is malformed is a 401 problem, never a crash or an anonymous pass', async () => {
    const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
    const cases: [unknown, RegExp][] = [
      ['not json', /not base64-encoded JSON/],
      [null, /not an object/],
      [[1, 2], /not an object/],
      [{ identityProvider: 'github', userId: 'u-1', userRoles: 'admin' }, /userRoles is not a list of strings/],
      [{ identityProvider: 'github', userId: '' }, /no identityProvider or userId/],
      [{ identityProvider: 'github', userId: 42 }, /no identityProvider or userId/],
      [{ claims: [null] }, /claims are not \{ typ, val \} strings/],
      [{ claims: [{ typ: 'roles', val: 'editor' }] }, /names no user/],
      [{ auth_typ: 'aad' }, /neither a userId nor claims/],
    ];
    for (const [value, detail] of cases) {
      for (const url of ['/api/me', '/api/users/7']) {
        const res = await azure(request({ url, headers: { 'x-ms-client-principal': b64(value) } }), context());
        expect([res.status, (res.headers as Record<string, string>)['content-type']], JSON.stringify(value)).toEqual([401, 'application/problem+json']);
        expect(json(res)).toMatchObject({ status: 401, detail: expect.stringMatching(detail), instance: 'inv-1' });
      }
    }
  });

  it('14: an App Service authentication principal maps its claims', async () => {
    const appService = Buffer.from(JSON.stringify({
      auth_typ: 'aad', name_typ: 'name', role_typ: 'roles',
      claims: [{ typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', val: 'oid-7' }, { typ: 'roles', val: 'editor' }],
    })).toString('base64');
    expect(json(await azure(request({ url: '/api/me', headers: { 'x-ms-client-principal': appService } }), context())))
      .toEqual({ sub: 'oid-7', roles: ['editor'], scheme: 'azure-app-service' });
  });

  it('15: the invocation id is the request id, and logs go through context.log', async () => {
    const logs: [string, string][] = [];
    const res = await azure(request({ url: '/api/users/7' }), context(logs));
    expect((res.headers as Record<string, string>)['x-request-id']).toBe('inv-1');
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0]![1])).toMatchObject({ msg: 'request', requestId: 'inv-1', route: '/users/{id}', status: 200 });
  });

  it('16: a handler that throws gives a 500 problem without the message or a stack', async () => {
    const res = await azure(request({ url: '/api/boom' }), context());
    expect(res.status).toBe(500);
    expect(JSON.stringify(json(res))).not.toMatch(/secret detail|at /);
  });

  it('17: "no content" is an explicit 204', async () => {
    expect(await azure(request({ url: '/api/nothing' }), context())).toMatchObject({ status: 204 });
  });

  it('22: a body over the limit is a 413; a deadline past Azure\'s 230 s is refused up front', async () => {
    const big = await azure(request({ method: 'POST', url: '/api/json', headers: { 'content-type': 'application/json' }, body: { bytes: new Uint8Array(6 * 1024 * 1024 + 1) } }), context());
    expect(big.status).toBe(413);
    expect(() => toAzureHandler(app, { timeoutMs: 240_000 })).toThrow(/230 s/);
  });

  it('unknown routes are a 404 problem', async () => {
    const res = await azure(request({ url: '/api/nope' }), context());
    expect(res.status).toBe(404);
    expect((res.headers as Record<string, string>)['content-type']).toBe('application/problem+json');
  });
});
