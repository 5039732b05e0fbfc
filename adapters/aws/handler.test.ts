import { createApp, handler as defineHandler, jwtAuth, reply } from 'carve';
import { z } from 'carve/zod';
import { describe, expect, it, vi } from 'vitest';
import echo from '../../examples/echo/app.js';
import type { AlbEvent, ApiGatewayV1Event, ApiGatewayV2Event, LambdaContext } from './events.js';
import { toLambdaHandler } from './handler.js';

// Base events written from the documented formats, trimmed to what the adapter reads.
const context = (): LambdaContext => ({ awsRequestId: 'lambda-req-1', getRemainingTimeInMillis: () => 30_000 });
const v1Event = (over: Partial<ApiGatewayV1Event> = {}): ApiGatewayV1Event => ({
  resource: '/{proxy+}', path: '/echo/x', httpMethod: 'GET', headers: { Host: 'api.test' }, multiValueHeaders: { Host: ['api.test'] },
  queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null, body: null, isBase64Encoded: false,
  requestContext: { requestId: 'v1-req', stage: 'live', path: '/live/echo/x', identity: { sourceIp: '198.51.100.1' } },
  ...over,
});
const v2Event = (over: Partial<ApiGatewayV2Event> = {}, http: Partial<ApiGatewayV2Event['requestContext']['http']> = {}): ApiGatewayV2Event => ({
  version: '2.0', routeKey: '$default', rawPath: '/echo/x', rawQueryString: '', headers: { host: 'api.test' }, body: null, isBase64Encoded: false,
  ...over,
  requestContext: {
    requestId: 'v2-req', stage: '$default', domainName: 'abc.execute-api.us-east-1.amazonaws.com',
    http: { method: 'GET', path: over.rawPath ?? '/echo/x', sourceIp: '198.51.100.2', ...http },
    ...over.requestContext,
  } as ApiGatewayV2Event['requestContext'],
});
const albEvent = (over: Partial<AlbEvent> = {}): AlbEvent => ({
  path: '/echo/x', httpMethod: 'GET', headers: { host: 'alb.test', 'x-forwarded-for': '10.0.0.1, 198.51.100.3' },
  queryStringParameters: {}, body: '', isBase64Encoded: false, requestContext: { elb: { targetGroupArn: 'arn:tg' } }, ...over,
});

const echoHandler = toLambdaHandler(echo);
async function echoed(event: unknown) {
  const result = await echoHandler(event as never, context()) as { statusCode: number; body: string };
  expect(result.statusCode, result.body).toBe(200);
  return JSON.parse(result.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('detection (research §4, 1–4)', () => {
  it('1: version 2.0 with requestContext.http is v2; a REST event carrying rawPath still routes as v1 on `path`', async () => {
    expect((await echoed(v2Event({ rawPath: '/echo/two' }))).path).toBe('/echo/two');
    const rest = { ...v1Event({ path: '/echo/by-path' }), rawPath: '/base/echo/by-path' };
    expect((await echoed(rest)).path).toBe('/echo/by-path');
  });

  it('2: requestContext.elb is ALB; Lattice, Lambda@Edge and Records[] events fail with a clear error', async () => {
    expect((await echoed(albEvent())).path).toBe('/echo/x');
    const call = (event: unknown) => echoHandler(event as never, context());
    await expect(call({ ...v1Event(), requestContext: { serviceArn: 'arn:lattice' } })).rejects.toThrow(/VPC Lattice/);
    await expect(call({ Records: [{ cf: { request: {} } }] })).rejects.toThrow(/Lambda@Edge/);
    await expect(call({ Records: [{ eventSource: 'aws:sqs', messageId: '1' }] })).rejects.toThrow(/aws:sqs event, which is not an HTTP request/);
    await expect(call({ Records: [{ foo: 1 }] })).rejects.toThrow(/Records\[\] event of unknown source/);
    await expect(call({ hello: 'world' })).rejects.toThrow(/keys \[hello\].*serves API Gateway REST/);
    await expect(call(null)).rejects.toThrow(/received null/);
  });

  it('3: a scheduled EventBridge event (no version field) is recognised and named', async () => {
    await expect(echoHandler({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} } as never, context()))
      .rejects.toThrow(/EventBridge "Scheduled Event" event from aws.events/);
  });

  it('4: v2 with null body, pathParameters and stageVariables; v1 with no body key', async () => {
    expect(await echoed({ ...v2Event(), pathParameters: null, stageVariables: null })).toMatchObject({ bodyBase64: '' });
    const { body: _dropped, ...noBody } = v1Event();
    expect(await echoed(noBody)).toMatchObject({ bodyBase64: '' });
  });
});

describe('URL, path and query (5–16)', () => {
  it('6: v2 takes the query verbatim from rawQueryString', async () => {
    const seen = await echoed(v2Event({ rawQueryString: 'literalPlus=a+b&encodedPlus=a%2Bb&redirect=https%3A%2F%2Fexample.com%2Fa%2Fb&empty=&repeat=one&repeat=two' }));
    expect(seen.query).toEqual({ literalPlus: 'a b', encodedPlus: 'a+b', redirect: 'https://example.com/a/b', empty: '', repeat: ['one', 'two'] });
  });

  it('7: never splits v2 values on commas', async () => {
    const seen = await echoed(v2Event({ rawQueryString: 'k=a%2Cb&repeat=one,two', queryStringParameters: { repeat: 'one,two' } } as never));
    expect(seen.query).toEqual({ k: 'a,b', repeat: 'one,two' });
  });

  it('8: REST v1 re-encodes its decoded multi-value map, so "a+b" stays "a+b"', async () => {
    const seen = await echoed(v1Event({
      queryStringParameters: { encodedPlus: 'a+b', repeat: 'two' },
      multiValueQueryStringParameters: { encodedPlus: ['a+b'], literalPlus: ['a b'], repeat: ['one', 'two'] },
    }));
    expect(seen.query).toEqual({ encodedPlus: 'a+b', literalPlus: 'a b', repeat: ['one', 'two'] });
  });

  it('9: ALB query values are still encoded and are decoded once', async () => {
    const seen = await echoed(albEvent({ queryStringParameters: { encodedPlus: 'a%2Bb', literalPlus: 'a+b', url: 'https%3A%2F%2Fx.test%2F' } }));
    expect(seen.query).toEqual({ encodedPlus: 'a+b', literalPlus: 'a b', url: 'https://x.test/' });
  });

  it('10: ALB multi-value with null headers and query still yields every header and key', async () => {
    const seen = await echoed(albEvent({
      headers: null, queryStringParameters: null,
      multiValueHeaders: { cookie: ['a=1'], host: ['alb.test'], 'x-forwarded-for': ['198.51.100.3'] },
      multiValueQueryStringParameters: { repeat: ['one', 'two'], k: ['v'] },
    }));
    expect(seen.headers).toMatchObject({ cookie: 'a=1', host: 'alb.test' });
    expect(seen.query).toEqual({ repeat: ['one', 'two'], k: 'v' });
  });

  it('11: REST v1 routes on `path`, which has no stage', async () => {
    expect((await echoed(v1Event({ path: '/echo/capture' }))).params).toEqual({ path: 'capture' });
  });

  it('12: an HTTP API named stage is stripped only when asked, and never $default', async () => {
    const staged = v2Event({ rawPath: '/prod/echo/x', requestContext: { stage: 'prod' } as never });
    const strip = toLambdaHandler(echo, { stripStage: true });
    const result = await strip(staged, context()) as { body: string };
    expect(JSON.parse(result.body).path).toBe('/echo/x');
    expect(((await echoHandler(staged, context())) as { statusCode: number }).statusCode).toBe(404);
  });

  it('13: basePath stripping is segment-aware', async () => {
    const h = toLambdaHandler(echo, { basePath: '/api' });
    const pathOf = async (path: string) => {
      const r = await h(v1Event({ path }), context()) as { statusCode: number; body: string };
      return r.statusCode === 200 ? JSON.parse(r.body).path : r.statusCode;
    };
    expect(await pathOf('/api/echo/x')).toBe('/echo/x');
    expect(await pathOf('/apis/echo/x')).toBe(404);
    expect(await pathOf('/echo/api/y')).toBe('/echo/api/y');
    const app = createApp({ handlers: [defineHandler({ method: 'GET', path: '/', auth: 'public' }, () => 'root')] });
    const root = await toLambdaHandler(app, { basePath: '/api/' })(v1Event({ path: '/api' }), context()) as { body: string };
    expect(root.body).toBe('root');
  });

  it('14 and 16: a {proxy+} path with a trailing slash keeps it', async () => {
    expect(await echoed(v1Event({ path: '/echo/bar/', pathParameters: { proxy: 'bar/' } }))).toMatchObject({ path: '/echo/bar/', params: { path: 'bar/' } });
    expect(await echoed(v2Event({ rawPath: '/echo/bar/' }))).toMatchObject({ path: '/echo/bar/' });
  });

  it('5 and 15: HTTP API hands over a decoded rawPath; carve encodes it again, so ?, # and % stay in the path', async () => {
    expect(await echoed(v2Event({ rawPath: '/echo/space value' }))).toMatchObject({ path: '/echo/space%20value', params: { path: 'space value' } });
    expect(await echoed(v2Event({ rawPath: '/echo/what?#100%' }))).toMatchObject({ path: '/echo/what%3F%23100%25', params: { path: 'what?#100%' }, query: {} });
    const url = v2Event({ rawPath: '/echo/space%20value', requestContext: { domainName: 'x.lambda-url.us-east-1.on.aws' } as never });
    expect(await echoed(url)).toMatchObject({ path: '/echo/space%20value', params: { path: 'space value' } });
  });
});

describe('headers, cookies, body (17–26)', () => {
  it('17: v2 cookies become one Cookie header; a Function URL sending both is not doubled', async () => {
    const event = v2Event({ cookies: ['a=1', 'b=2'] });
    const headersSent = { ...event.headers };
    expect((await echoed(event)).headers.cookie).toBe('a=1; b=2');
    expect(event.headers).toEqual(headersSent); // the Cookie header is carve's copy: the event stays as sent
    const url = v2Event({ cookies: ['a=1', 'b=2'], headers: { cookie: 'a=1; b=2' }, requestContext: { domainName: 'x.lambda-url.us-east-1.on.aws' } as never });
    expect(await echoed(url)).toMatchObject({ headers: { cookie: 'a=1; b=2' }, cookies: { a: '1', b: '2' } });
  });

  it('18 and 20: REST v1 repeated headers keep their order; mixed-case names merge', async () => {
    const seen = await echoed(v1Event({
      headers: { 'x-probe': 'second', Host: 'api.test' },
      multiValueHeaders: { 'x-probe': ['first', 'second'], Host: ['api.test'], 'X-Dup': ['a'], 'x-dup': ['b'] },
    }));
    expect(seen.headers).toMatchObject({ 'x-probe': 'first, second', host: 'api.test', 'x-dup': 'a, b' });
  });

  it('19: ALB repeated headers are joined with ", " (and cookies with "; ")', async () => {
    const seen = await echoed(albEvent({ headers: null, multiValueHeaders: { 'x-probe': ['first', 'second'], cookie: ['a=1', 'b=2'], 'x-forwarded-for': ['198.51.100.3'] } }));
    expect(seen.headers).toMatchObject({ 'x-probe': 'first, second', cookie: 'a=1; b=2' });
  });

  it('21: odd header names and values never crash', async () => {
    const seen = await echoed(v1Event({ headers: null, multiValueHeaders: { 'x bad name': ['ok'], 'x-utf8': ['λ'], 'x-ctl': ['a\u0001b'] } }));
    expect(seen.headers).toMatchObject({ 'x bad name': 'ok', 'x-utf8': 'λ' });
  });

  it('22: REST v1 sends no content-length; the body is exposed as its UTF-8 bytes', async () => {
    const body = '{"message":"hello from the public internet","unicode":"lambda-λ"}';
    const seen = await echoed(v1Event({ httpMethod: 'POST', body, headers: { 'content-type': 'application/json' }, multiValueHeaders: { 'content-type': ['application/json'] } }));
    expect(Buffer.from(seen.bodyBase64, 'base64').byteLength).toBe(Buffer.byteLength(body));
    expect(Buffer.from(seen.bodyBase64, 'base64').toString('utf8')).toBe(body);
  });

  it('23: a base64 body reaches the handler byte-identical', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
    for (const event of [v1Event({ httpMethod: 'POST' }), v2Event({}, { method: 'POST' }), albEvent({ httpMethod: 'POST' })]) {
      expect((await echoed({ ...event, body: bytes.toString('base64'), isBase64Encoded: true })).bodyBase64).toBe(bytes.toString('base64'));
    }
  });

  it('24: a content-length that disagrees with the body never makes carve wait or fail', async () => {
    expect(await echoed(v2Event({ headers: { 'content-length': '999' }, body: 'short' }, { method: 'POST' }))).toMatchObject({ bodyBase64: Buffer.from('short').toString('base64') });
    expect(await echoed(v2Event({ headers: { 'content-length': '10' }, body: null }, { method: 'POST' }))).toMatchObject({ bodyBase64: '' });
  });

  it('25: an ALB GET with body "" has no body', async () => {
    expect(await echoed(albEvent({ body: '' }))).toMatchObject({ bodyBase64: '' });
  });

  it('26: client IP from identity (v1), http.sourceIp (v2), the last X-Forwarded-For hop (ALB)', async () => {
    expect((await echoed(v1Event())).sourceIp).toBe('198.51.100.1');
    expect((await echoed(v2Event())).sourceIp).toBe('198.51.100.2');
    expect((await echoed(albEvent())).sourceIp).toBe('198.51.100.3');
  });
});

const bytesOut = (type: string, extra: Record<string, string> = {}) => defineHandler({
  method: 'GET', path: `/out/${type.replace(/\W+/g, '-')}${Object.keys(extra).length ? '-enc' : ''}`, auth: 'public',
}, () => reply({ headers: { 'content-type': type, ...extra }, body: type.startsWith('text') || type.includes('json') || type.includes('xml') ? 'hello' : new Uint8Array([0x89, 0x50, 0x00, 0xff, 0x80]) }));
const BINARY = ['image/png', 'application/pdf', 'application/zip', 'application/octet-stream', 'font/woff2', 'audio/mpeg', 'video/mp4'];
const TEXT = ['text/plain', 'text/html; charset=utf-8', 'application/json', 'application/problem+json', 'application/atom+xml', 'image/svg+xml', 'application/xml'];
const responses = createApp({
  logger: { level: 'silent' },
  handlers: [
    ...BINARY.map((t) => bytesOut(t)), ...TEXT.map((t) => bytesOut(t)),
    ...['gzip', 'br', 'deflate', 'zstd'].map((enc) => defineHandler({ method: 'GET', path: `/gz/${enc}`, auth: 'public' },
      () => reply({ headers: { 'content-type': 'application/json', 'content-encoding': enc }, body: new Uint8Array([0x1f, 0x8b, 0x08]) }))),
    defineHandler({ method: 'GET', path: '/cookies', auth: 'public' }, () => reply({ cookies: ['a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'b=2'], body: { ok: true } })),
    defineHandler({ method: 'GET', path: '/chunked', auth: 'public' }, () => reply({ headers: { 'transfer-encoding': 'chunked', connection: 'keep-alive' }, body: 'whole' })),
    defineHandler({ method: 'GET', path: '/not-modified', auth: 'public' }, () => reply({ status: 304, body: 'ignored' })),
  ],
});
const respond = toLambdaHandler(responses);
const get = (path: string, event: 'v1' | 'v2' | 'alb' | 'alb-multi' = 'v2') => respond(
  event === 'v1' ? v1Event({ path }) : event === 'v2' ? v2Event({ rawPath: path })
    : event === 'alb' ? albEvent({ path }) : albEvent({ path, headers: null, multiValueHeaders: { 'x-forwarded-for': ['198.51.100.3'] } }),
  context(),
) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('responses (27–36, 38)', () => {
  it('27 and 28: two cookies → v2 `cookies`; v1 and multi-value ALB → multiValueHeaders; never split, never top-level in v1/ALB', async () => {
    const cookies = ['a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'b=2'];
    expect((await get('/cookies', 'v2')).cookies).toEqual(cookies);
    // Without cookies, no key at all in what Lambda sends (JSON leaves out an undefined field).
    for (const kind of ['v2', 'v1'] as const) expect(Object.keys(JSON.parse(JSON.stringify(await get('/echo/x', kind))))).toEqual(['statusCode', 'headers', 'body', 'isBase64Encoded']);
    for (const kind of ['v1', 'alb-multi'] as const) {
      const result = await get('/cookies', kind);
      expect(result.multiValueHeaders['set-cookie']).toEqual(cookies);
      expect(result.cookies).toBeUndefined();
    }
  });

  it('29: ALB answers in the header mode of the request, with a statusDescription; single mode keeps one cookie and warns', async () => {
    const multi = await get('/cookies', 'alb-multi');
    expect(multi).toMatchObject({ statusCode: 200, statusDescription: '200 OK', multiValueHeaders: { 'content-type': ['application/json'] } });
    expect(multi.headers).toBeUndefined();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const single = await get('/cookies', 'alb');
    expect(single.multiValueHeaders).toBeUndefined();
    expect(single.headers['set-cookie']).toBe('a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(JSON.parse(warn.mock.calls[0]![0] as string)).toMatchObject({ level: 'warn', dropped: 1 });
    warn.mockRestore();
  });

  it('30 and 31: binary media types go base64 with the exact bytes; text types go as text', async () => {
    for (const type of BINARY) {
      const result = await get(`/out/${type.replace(/\W+/g, '-')}`);
      expect(result.isBase64Encoded, type).toBe(true);
      expect([...Buffer.from(result.body, 'base64')], type).toEqual([0x89, 0x50, 0x00, 0xff, 0x80]);
    }
    for (const type of TEXT) {
      const result = await get(`/out/${type.replace(/\W+/g, '-')}`);
      expect(result, type).toMatchObject({ isBase64Encoded: false, body: 'hello' });
    }
  });

  it('32: any content-encoding but identity means base64, whatever the type', async () => {
    for (const enc of ['gzip', 'br', 'deflate', 'zstd']) {
      const result = await get(`/gz/${enc}`);
      expect(result.isBase64Encoded, enc).toBe(true);
      expect([...Buffer.from(result.body, 'base64')]).toEqual([0x1f, 0x8b, 0x08]);
    }
  });

  it('33: a result from the fallback (legacy) handler passes through untouched, never re-encoded', async () => {
    const precomputed = { statusCode: 200, headers: { 'content-type': 'image/png' }, body: 'iVBORw0KGgo=', isBase64Encoded: true };
    const h = toLambdaHandler(responses, { fallback: async () => precomputed });
    expect(await h(v2Event({ rawPath: '/legacy/logo.png' }), context())).toBe(precomputed);
  });

  it('34: hop-by-hop headers such as transfer-encoding are dropped; the body is whole', async () => {
    const result = await get('/chunked');
    expect(result.headers['transfer-encoding']).toBeUndefined();
    expect(result.headers['connection']).toBeUndefined();
    expect(result.body).toBe('whole');
  });

  it('35: 304 and HEAD carry no body; header values are strings', async () => {
    expect(await get('/not-modified')).toMatchObject({ statusCode: 304, body: '' });
    const head = await respond(v2Event({ rawPath: '/cookies' }, { method: 'HEAD' }), context()) as unknown as Record<string, unknown>;
    expect(head).toMatchObject({ statusCode: 200, body: '' });
    for (const value of Object.values(head['headers'] as object)) expect(typeof value).toBe('string');
  });

  it('36: Lambda@Edge is refused clearly rather than half-served', async () => {
    await expect(respond({ Records: [{ cf: { config: {}, request: { uri: '/' } } }] } as never, context())).rejects.toThrow(/Lambda@Edge/);
  });

  it('38: the exported handler is async with arity 2, in front of a legacy app too', () => {
    const strangler = toLambdaHandler(echo, { fallback: async () => ({ statusCode: 200, body: '' }) });
    for (const handler of [respond, strangler]) {
      expect(handler.length).toBe(2);
      expect(handler.constructor.name).toBe('AsyncFunction');
    }
  });
});

describe('bad input, authorizers, deadline, isolation', () => {
  it('invalid base64 → 400 problem+json; malformed JSON → 400', async () => {
    const bad = await echoHandler(v2Event({ body: '%%%not-base64', isBase64Encoded: true }, { method: 'POST' }), context()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ detail: 'the event body is marked isBase64Encoded but is not valid base64', instance: 'v2-req' });
    const app = createApp({ handlers: [defineHandler({ method: 'POST', path: '/j', auth: 'public', body: z.object({ a: z.number() }) }, ({ body }) => body)], logger: { level: 'silent' } });
    const json = await toLambdaHandler(app)(v2Event({ rawPath: '/j', headers: { 'content-type': 'application/json' }, body: '{"a":' }, { method: 'POST' }), context()) as { statusCode: number; body: string };
    expect(json.statusCode).toBe(400);
    expect(JSON.parse(json.body).detail).toMatch(/^malformed JSON/);
  });

  const whoami = createApp({
    logger: { level: 'silent' },
    handlers: [defineHandler({ method: 'GET', path: '/me', auth: { roles: ['admin'] } }, ({ principal }) => ({ sub: principal.sub, scheme: principal.scheme }))],
  });
  const me = async (event: unknown, options = {}) => {
    const r = await toLambdaHandler(whoami, options)(event as never, context()) as { statusCode: number; body: string };
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };

  it('exposes API Gateway authorizers as the principal: HTTP API JWT, Lambda and IAM; REST Cognito and Lambda', async () => {
    const jwt = v2Event({ rawPath: '/me', requestContext: { authorizer: { jwt: { claims: { sub: 'u-jwt', roles: '[admin reader]' }, scopes: null } } } as never });
    expect(await me(jwt)).toEqual({ status: 200, body: { sub: 'u-jwt', scheme: 'aws-authorizer-jwt' } });
    const lambda = v2Event({ rawPath: '/me', requestContext: { authorizer: { lambda: { sub: 'u-lambda', roles: ['admin'] } } } as never });
    expect(await me(lambda)).toEqual({ status: 200, body: { sub: 'u-lambda', scheme: 'aws-authorizer-lambda' } });
    const iam = v2Event({ rawPath: '/me', requestContext: { authorizer: { iam: { userArn: 'arn:aws:iam::1:user/x' } } } as never });
    expect(await me(iam)).toMatchObject({ status: 403 });
    const cognito = v1Event({ path: '/me', requestContext: { requestId: 'c', authorizer: { claims: { sub: 'u-cognito', 'cognito:groups': 'admin' } } } });
    expect(await me(cognito, { rolesClaim: 'cognito:groups' })).toEqual({ status: 200, body: { sub: 'u-cognito', scheme: 'aws-authorizer-jwt' } });
    const restLambda = v1Event({ path: '/me', requestContext: { requestId: 'l', authorizer: { principalId: 'u-rest', roles: 'admin' } } });
    expect(await me(restLambda)).toMatchObject({ status: 200, body: { sub: 'u-rest' } });
  });

  it("behind the JWT authorizer carve build puts in front, reads roles from jwtAuth's own roles claim", async () => {
    const cognito = createApp({
      logger: { level: 'silent' },
      auth: jwtAuth({ jwksUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', audience: 'client', rolesClaim: 'cognito:groups' }),
      handlers: whoami.handlers,
    });
    const event = v2Event({ rawPath: '/me', requestContext: { authorizer: { jwt: { claims: { sub: 'u-pool', 'cognito:groups': '[admin]' }, scopes: null } } } as never });
    const answer = async (options = {}) => (await toLambdaHandler(cognito, options)(event, context()) as { statusCode: number }).statusCode;
    expect(await answer()).toBe(200);
    expect(await answer({ rolesClaim: 'roles' })).toBe(403);
  });

  it('ignores empty authorizer blocks, and authorizers altogether when told not to trust them', async () => {
    expect(await me(v2Event({ rawPath: '/me', requestContext: { authorizer: { jwt: null, lambda: null, iam: null } } as never }))).toMatchObject({ status: 401 });
    const jwt = v2Event({ rawPath: '/me', requestContext: { authorizer: { jwt: { claims: { sub: 'u', roles: ['admin'] } } } } as never });
    expect(await me(jwt, { trustAuthorizer: false })).toMatchObject({ status: 401 });
  });

  it('answers 504 before Lambda would kill the invocation', async () => {
    const slow = createApp({ logger: { level: 'silent' }, handlers: [defineHandler({ method: 'GET', path: '/slow', auth: 'public' }, () => new Promise((r) => setTimeout(() => r('late'), 300)))] });
    const nearlyOut: LambdaContext = { awsRequestId: 'x', getRemainingTimeInMillis: () => 550 };
    const result = await toLambdaHandler(slow, { deadlineMarginMs: 500 })(v2Event({ rawPath: '/slow' }), nearlyOut) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(result.statusCode).toBe(504);
    expect(result.headers['content-type']).toBe('application/problem+json');
  });

  it("gives each of two invocations at once the deadline of its own context", async () => {
    const slow = createApp({ logger: { level: 'silent' }, handlers: [defineHandler({ method: 'GET', path: '/slow', auth: 'public' }, () => new Promise((r) => setTimeout(() => r('late'), 300)))] });
    const handler = toLambdaHandler(slow, { deadlineMarginMs: 500 });
    const [short, long] = await Promise.all([550, 30_000].map((ms) => handler(v2Event({ rawPath: '/slow' }), { awsRequestId: `${ms}`, getRemainingTimeInMillis: () => ms }) as Promise<{ statusCode: number }>));
    expect([short!.statusCode, long!.statusCode]).toEqual([504, 200]);
  });

  it('keeps concurrent invocations apart (39)', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((id) => echoHandler(
      v2Event({ rawPath: `/echo/${id}`, requestContext: { requestId: `req-${id}` } as never }), context()) as Promise<{ body: string }>));
    expect(results.map((r) => JSON.parse(r.body)).map((b) => [b.requestId, b.params.path])).toEqual([['req-a', 'a'], ['req-b', 'b'], ['req-c', 'c']]);
  });
});

describe('warm-up', () => {
  it('counts the cookies HTTP API moved out of the headers against the header limit (431 past it)', async () => {
    const app = createApp({ handlers: [defineHandler({ method: 'GET', path: '/x', auth: 'public' }, () => ({ ok: true }))], headerLimit: 64 });
    const status = async (event: ApiGatewayV2Event) => ((await toLambdaHandler(app)(event, context())) as { statusCode: number }).statusCode;
    // host: 4 + 8 + 4 = 16 bytes; the cookie header: 6 + its value + 4.
    expect(await status(v2Event({ rawPath: '/x', cookies: ['a='.padEnd(38, 'v')] }))).toBe(200);
    expect(await status(v2Event({ rawPath: '/x', cookies: ['a='.padEnd(39, 'v')] }))).toBe(431);
    // A map not in lower case is merged and counted by the app: the same limit.
    expect(await status(v2Event({ rawPath: '/x', headers: { Host: 'api.test', 'x-a': 'v'.repeat(42) } }))).toBe(431);
    expect(await status(v2Event({ rawPath: '/x', headers: { Host: 'api.test', 'x-a': 'v'.repeat(41) } }))).toBe(200);
  });

  it('answers the scheduled warm-up event without running any handler', async () => {
    let ran = 0;
    const app = createApp({ handlers: [defineHandler({ method: 'GET', path: '/x', auth: 'public' }, () => ++ran)] });
    expect(await toLambdaHandler(app)({ carve: 'warmup' } as never, context())).toEqual({ warmed: true });
    expect(ran).toBe(0);
  });
});
