import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiKeyAuth } from './auth/api-key.js';
import { createApp, type AppOptions } from './app.js';
import { Conflict } from './errors.js';
import { handler } from './handler.js';
import { reply } from './reply.js';
import { token } from './token.js';

const courses = handler({
  method: 'GET', path: '/courses', auth: 'public',
  query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
}, ({ query }) => ({ limit: query.limit }));

const createCourse = handler({
  method: 'POST', path: '/courses', auth: 'public', status: 201,
  body: z.object({ code: z.string().min(3), credits: z.number().int().positive() }),
}, ({ body }) => {
  if (body.code === 'DUP-1') throw new Conflict('course DUP-1 already exists');
  return { ...body, secret: 'stripped?' };
});

const getCourse = handler({
  method: 'GET', path: '/courses/{code}', auth: 'public',
  params: z.object({ code: z.string().regex(/^[A-Z]+-\d+$/) }),
  response: z.object({ code: z.string() }),
}, ({ params }) => ({ code: params.code, internal: 'never sent' }));

const remove = handler({ method: 'DELETE', path: '/courses/{code}', auth: 'public' }, () => undefined);

const boom = handler({ method: 'GET', path: '/boom', auth: 'public' }, () => {
  throw new Error('database password is hunter2');
});

const cookies = handler({ method: 'GET', path: '/cookies', auth: 'public' }, () =>
  reply({ status: 202, headers: { 'X-Custom': 'yes' }, cookies: ['a=1; Path=/', { name: 'b', value: '2', path: '/', httpOnly: true }], body: 'ok' }));

const badHeader = handler({ method: 'GET', path: '/bad-header', auth: 'public' }, () =>
  reply({ headers: { 'x-evil': 'a\r\nset-cookie: pwned=1' } }));

const text = handler({
  method: 'PUT', path: '/notes/{id}', auth: 'public', accepts: ['text/plain'], body: z.string().max(10),
}, ({ body }) => ({ length: body.length }));

const secret = handler({ method: 'GET', path: '/secret', auth: { roles: ['admin'] } }, ({ principal }) => ({ sub: principal.sub }));

function makeApp(extra: Partial<AppOptions> = {}) {
  return createApp({
    handlers: [courses, createCourse, getCourse, remove, boom, cookies, badHeader, text, secret],
    auth: apiKeyAuth({ keys: { 'k-admin': { sub: 'ops', roles: ['admin'] }, 'k-user': { sub: 'u1' } } }),
    bodyLimit: 1024,
    logger: { level: 'silent' },
    ...extra,
  });
}

describe('createApp: routing', () => {
  const app = makeApp();

  it('answers a matched route with JSON and the request id header', async () => {
    const res = await app.inject({ method: 'GET', url: '/courses?limit=3', headers: { 'x-request-id': 'req-123' } });
    expect(res).toMatchObject({ status: 200, body: { limit: 3 } });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('generates a request id when the client sends none or a malformed one', async () => {
    const res = await app.inject({ method: 'GET', url: '/courses', headers: { 'x-request-id': 'bad id\u0000' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('404 for an unknown path, as problem+json with the request id as instance', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'r-404' } });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no route matches GET /nope', instance: 'r-404' });
  });

  it('405 with Allow for a known path and a wrong method', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/courses' });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD, POST');
    expect(res.body).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('answers HEAD with the GET handler and no body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/courses' });
    expect(res.status).toBe(200);
    expect(res.rawBody.byteLength).toBe(0);
  });

  it('answers OPTIONS on a known path with 204 and Allow', async () => {
    const res = await app.inject({ method: 'OPTIONS', url: '/courses/MATH-1' });
    expect(res.status).toBe(204);
    expect(res.headers['allow']).toBe('GET, HEAD, DELETE, OPTIONS');
  });

  it('returns 204 with no body when a handler returns undefined', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/courses/MATH-1' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
  });

  it('falls through on no match when asked to, so a host app can answer', async () => {
    expect(await app.handle({ method: 'GET', path: '/legacy' }, { fallthrough: true })).toBeUndefined();
    expect(await app.handle({ method: 'GET', path: '/courses' }, { fallthrough: true })).toMatchObject({ status: 200 });
  });
});

describe('createApp: bad input', () => {
  const app = makeApp();

  it('malformed JSON → 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', headers: { 'content-type': 'application/json' }, body: '{"code": "MA' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ title: 'Bad Request', detail: expect.stringMatching(/^malformed JSON/) });
  });

  it('schema violation → 400 listing every failing path', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', body: { code: 'M', credits: -1 } });
    expect(res.status).toBe(400);
    const body = res.body as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(['body.code', 'body.credits']);
  });

  it('query and params violations are reported together', async () => {
    const res = await app.inject({ method: 'GET', url: '/courses?limit=500' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { path: string }[] }).errors[0]!.path).toBe('query.limit');
    const bad = await app.inject({ method: 'GET', url: '/courses/lower-case' });
    expect((bad.body as { errors: { path: string }[] }).errors[0]!.path).toBe('params.code');
  });

  it('a missing body where one is required → 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { path: string }[] }).errors[0]!.path).toBe('body');
  });

  it('unsupported media type → 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ detail: 'expected application/json or application/x-www-form-urlencoded, got application/xml' });
  });

  it('a body with no content type → 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', body: new TextEncoder().encode('{}') });
    expect(res.status).toBe(415);
  });

  it('body over the limit → 413, before any parsing', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(2000)}"` });
    expect(res.status).toBe(413);
  });

  it('invalid UTF-8 in a JSON body → 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x22, 0xff, 0x22]) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ detail: 'the body is not valid UTF-8' });
  });

  it('urlencoded forms parse like queries', async () => {
    const res = await app.inject({ method: 'POST', url: '/courses', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=ABC-1&credits=3' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['body.credits']);
  });

  it('text bodies reach a handler that accepts text', async () => {
    const res = await app.inject({ method: 'PUT', url: '/notes/1', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'héllo' });
    expect(res).toMatchObject({ status: 200, body: { length: 5 } });
  });

  it('a malformed escape in the path → 400, not 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/courses/%E0%A4%A' });
    expect(res.status).toBe(400);
  });

  it('counts the header section itself, or takes the count an adapter made on its own pass (431 past the limit)', async () => {
    const limited = makeApp({ headerLimit: 40 });
    const answer = (headers: Record<string, string>, headerBytes?: number) =>
      limited.handle({ method: 'GET', path: '/courses', headers, ...(headerBytes === undefined ? {} : { headerBytes }) });
    // "x-a" and 29 characters, plus 4: 36 bytes; one more character of value each time it is over 40.
    expect((await answer({ 'x-a': 'v'.repeat(29) })).status).toBe(200);
    expect((await answer({ 'x-a': 'v'.repeat(34) })).status).toBe(431);
    expect((await answer({ 'x-a': 'v' }, 41)).status).toBe(431);
    expect((await answer({ 'x-a': 'v'.repeat(34) }, 12)).status).toBe(200);
  });
});

describe('createApp: responses and errors', () => {
  it('uses the declared success status and passes HttpErrors through', async () => {
    const app = makeApp();
    expect(await app.inject({ method: 'POST', url: '/courses', body: { code: 'ABC-1', credits: 3 } })).toMatchObject({ status: 201 });
    const conflict = await app.inject({ method: 'POST', url: '/courses', body: { code: 'DUP-1', credits: 3 } });
    expect(conflict).toMatchObject({ status: 409, body: { title: 'Conflict', detail: 'course DUP-1 already exists' } });
  });

  it('strips fields the response schema does not name', async () => {
    const res = await makeApp().inject({ method: 'GET', url: '/courses/MATH-1' });
    expect(res.body).toEqual({ code: 'MATH-1' });
  });

  it('sends status, headers and every cookie of a reply', async () => {
    const res = await makeApp().inject({ method: 'GET', url: '/cookies' });
    expect(res.status).toBe(202);
    expect(res.headers['x-custom']).toBe('yes');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(res.body).toBe('ok');
  });

  it('an unknown error is a 500 with no message or stack, logged with the request id', async () => {
    const lines: string[] = [];
    const app = makeApp({ logger: { level: 'info', sink: (line) => lines.push(line) } });
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'r-500' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, instance: 'r-500' });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged[0]).toMatchObject({ level: 'error', requestId: 'r-500', err: { message: 'database password is hunter2' } });
    expect(logged[1]).toMatchObject({ level: 'info', msg: 'request', requestId: 'r-500', method: 'GET', route: '/boom', status: 500 });
    expect(typeof logged[1].ms).toBe('number');
  });

  it('shows the cause of a 500 in dev mode only', async () => {
    const res = await makeApp({ devMode: true }).inject({ method: 'GET', url: '/boom' });
    expect(res.body).toMatchObject({ detail: 'Error: database password is hunter2' });
  });

  it('refuses a header value with CR/LF set by a handler (500, nothing injected)', async () => {
    const res = await makeApp().inject({ method: 'GET', url: '/bad-header' });
    expect(res.status).toBe(500);
    expect(res.headers['x-evil']).toBeUndefined();
    expect(res.cookies).toEqual([]);
  });

  it('writes one access-log line per request with method, route, status and ms', async () => {
    const lines: string[] = [];
    const app = makeApp({ logger: { level: 'info', sink: (line) => lines.push(line) } });
    await app.inject({ method: 'GET', url: '/courses/MATH-1', headers: { 'x-request-id': 'r-log' } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', requestId: 'r-log', method: 'GET', route: '/courses/{code}', status: 200 });
  });
});

describe('createApp: auth policy', () => {
  const app = makeApp();

  it('401 without credentials, 401 with a wrong key, 403 without the role, 200 with it', async () => {
    expect((await app.inject({ method: 'GET', url: '/secret' })).status).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/secret', headers: { 'x-api-key': 'nope' } })).status).toBe(401);
    const forbidden = await app.inject({ method: 'GET', url: '/secret', headers: { 'x-api-key': 'k-user' } });
    expect(forbidden).toMatchObject({ status: 403, body: { detail: 'requires one of the roles: admin' } });
    expect(await app.inject({ method: 'GET', url: '/secret', headers: { 'x-api-key': 'k-admin' } })).toMatchObject({ status: 200, body: { sub: 'ops' } });
  });

  it('validate() flags guarded handlers in an app without authenticators', () => {
    const report = createApp({ handlers: [secret], logger: { level: 'silent' } }).validate();
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.message).toMatch(/GET \/secret \(getSecret\) requires authentication/);
  });
});

describe('createApp: platform hooks', () => {
  const slow = handler({ method: 'GET', path: '/slow', auth: 'public' }, () => new Promise((r) => setTimeout(() => r('late'), 200)));
  const mine = handler({ method: 'GET', path: '/mine', auth: { roles: ['owner'] } }, ({ principal }) => ({ sub: principal.sub, scheme: principal.scheme }));

  it('answers 504 problem+json when the deadline passes first', async () => {
    const app = createApp({ handlers: [slow], logger: { level: 'silent' } });
    const res = await app.handle({ method: 'GET', path: '/slow', requestId: 'r-504' }, { timeoutMs: 20 });
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body as string)).toMatchObject({ title: 'Gateway Timeout', instance: 'r-504', detail: 'the request did not finish within 20 ms' });
    expect((await app.handle({ method: 'GET', path: '/slow' }, { timeoutMs: 1000 })).status).toBe(200);
  });

  it('answers work that never waits without a deadline timer, and times out the work that does', async () => {
    const quick = handler({ method: 'GET', path: '/quick', auth: 'public' }, () => ({ ok: true }));
    const app = createApp({ handlers: [quick, slow], logger: { level: 'silent' } });
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const tick = vi.spyOn(process, 'nextTick');
    try {
      for (let i = 0; i < 5; i++) expect((await app.handle({ method: 'GET', path: '/quick' }, { timeoutMs: 5 })).status).toBe(200);
      // Not even the check for pending work: the answer was there before handle() returned.
      expect(tick).not.toHaveBeenCalled();
      await new Promise((resolve) => setImmediate(resolve));
      expect(setTimer).not.toHaveBeenCalled();
    } finally {
      setTimer.mockRestore();
      tick.mockRestore();
    }
    expect((await app.handle({ method: 'GET', path: '/slow' }, { timeoutMs: 5 })).status).toBe(504);
  });

  it('trusts a principal established by the platform, and still checks roles', async () => {
    const app = createApp({ handlers: [mine], logger: { level: 'silent' } });
    const owner = { sub: 'u-1', roles: ['owner'], scheme: 'aws-jwt-authorizer', claims: {} };
    const ok = await app.handle({ method: 'GET', path: '/mine', principal: owner });
    expect(JSON.parse(ok.body as string)).toEqual({ sub: 'u-1', scheme: 'aws-jwt-authorizer' });
    expect((await app.handle({ method: 'GET', path: '/mine', principal: { ...owner, roles: [] } })).status).toBe(403);
    expect((await app.handle({ method: 'GET', path: '/mine' })).status).toBe(401);
  });
});

describe('createApp: bodies given as text', () => {
  const sized = handler({ method: 'POST', path: '/sized', auth: 'public' }, ({ request }) => ({ bytes: request.body?.byteLength, length: request.byteLength }));
  const app = createApp({ handlers: [sized], bodyLimit: 8, logger: { level: 'silent' } });

  it('counts UTF-8 bytes, surrogate pairs included, and exposes the exact bytes', async () => {
    const res = await app.handle({ method: 'POST', path: '/sized', body: 'λ😀' });
    expect(JSON.parse(res.body as string)).toEqual({ bytes: 6, length: 6 });
  });

  it('applies the limit to the UTF-8 size, not the string length', async () => {
    expect((await app.handle({ method: 'POST', path: '/sized', body: 'λλλλ' })).status).toBe(200);
    expect((await app.handle({ method: 'POST', path: '/sized', body: 'λλλλλ' })).status).toBe(413);
  });
});

describe('app.select', () => {
  it('serves only the chosen handlers, with the same settings', async () => {
    const app = makeApp();
    const unit = app.select(['getCourses', 'getSecret']);
    expect(unit.handlers.map((h) => h.id)).toEqual(['getCourses', 'getSecret']);
    expect((await unit.inject({ method: 'GET', url: '/courses' })).status).toBe(200);
    // POST /courses is another unit's route: not this one's to answer, nor a method the app lacks.
    expect((await unit.inject({ method: 'POST', url: '/courses', body: {} })).status).toBe(404);
    expect((await unit.inject({ method: 'DELETE', url: '/courses' })).status).toBe(405);
    expect((await unit.inject({ method: 'GET', url: '/secret', headers: { 'x-api-key': 'k-admin' } })).status).toBe(200);
    expect(() => app.select(['nope'])).toThrow(/has no handler "nope"/);
  });
});

describe('createApp: one app, one container', () => {
  it('app.select() serves the OpenAPI document it is given, builds it lazily from a function, or serves none', async () => {
    const app = makeApp();
    const whole = app.openapi();
    expect((await app.select(['getCourses']).inject({ method: 'GET', url: '/openapi.json' })).body).toEqual(whole);
    expect((await app.select(['getCourses'], { openapi: false }).inject({ method: 'GET', url: '/openapi.json' })).status).toBe(404);
    const given = { ...whole, info: { title: 'built beforehand', version: '9' } };
    let built = 0;
    const lazy = app.select(['getCourses'], { openapi: () => (built++, given) });
    expect(built).toBe(0);
    for (let i = 0; i < 2; i++) expect((await lazy.inject({ method: 'GET', url: '/openapi.json' })).body).toMatchObject({ info: { title: 'built beforehand' } });
    expect(built).toBe(1);
    expect((await app.select(['getCourses'], { openapi: given }).inject({ method: 'GET', url: '/openapi.json' })).body).toEqual(given);
  });

  it('app.with() and app.select() share the singletons of the app they come from', async () => {
    let made = 0;
    const Counter = token<{ n: number }>('Counter', { lifetime: 'singleton', factory: () => (made++, { n: 0 }) });
    const bump = handler({ method: 'POST', path: '/bump', auth: 'public', inject: { counter: Counter } }, (_input, { counter }) => ({ n: ++counter.n }));
    const read = handler({ method: 'GET', path: '/count', auth: 'public', inject: { counter: Counter } }, (_input, { counter }) => ({ n: counter.n }));
    const base = createApp({ handlers: [bump], logger: { level: 'silent' } });
    const wider = base.with([read]);
    const only = wider.select([read.id]);
    await base.inject({ method: 'POST', url: '/bump' });
    await wider.inject({ method: 'POST', url: '/bump' });
    expect([(await wider.inject({ method: 'GET', url: '/count' })).body, (await only.inject({ method: 'GET', url: '/count' })).body, made]).toEqual([{ n: 2 }, { n: 2 }, 1]);
    // A new app is a new container.
    const other = createApp({ handlers: [read], logger: { level: 'silent' } });
    expect([(await other.inject({ method: 'GET', url: '/count' })).body, made]).toEqual([{ n: 0 }, 2]);
  });
});

describe('createApp: a unit answers for the whole app', () => {
  it('app.select() answers OPTIONS and 405 with the methods of every handler of the app on the path', async () => {
    const list = handler({ method: 'GET', path: '/books', auth: 'public' }, () => []);
    const add = handler({ method: 'POST', path: '/books', auth: 'public' }, () => ({}));
    const one = handler({ method: 'GET', path: '/books/{id}', auth: 'public' }, () => ({}));
    const app = createApp({ handlers: [list, add, one], logger: { level: 'silent' } });
    const unit = app.select([add.id]);
    for (const subject of [app, unit, unit.select([add.id])]) {
      const options = await subject.inject({ method: 'OPTIONS', url: '/books' });
      expect([options.status, options.headers['allow']]).toEqual([204, 'GET, HEAD, POST, OPTIONS']);
      const wrong = await subject.inject({ method: 'DELETE', url: '/books' });
      expect([wrong.status, wrong.headers['allow']]).toEqual([405, 'GET, HEAD, POST']);
    }
    expect((await unit.inject({ method: 'GET', url: '/nowhere' })).status).toBe(404);
    // Another unit's route is not this unit's to answer.
    expect((await unit.inject({ method: 'GET', url: '/books/1' })).status).toBe(404);
  });
});

describe('createApp: the OpenAPI document, served', () => {
  it('at /openapi.json by every unit, for the whole app; elsewhere or nowhere when told', async () => {
    const list = handler({ method: 'GET', path: '/books', auth: 'public' }, () => []);
    const add = handler({ method: 'POST', path: '/books', auth: 'public' }, () => ({}));
    const app = createApp({ name: 'library', handlers: [list, add], logger: { level: 'silent' }, openapi: { version: '2.0.0' } });
    for (const subject of [app, app.select([add.id]), app.select([])]) {
      const res = await subject.inject({ method: 'GET', url: '/openapi.json' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ openapi: '3.1.0', info: { title: 'library', version: '2.0.0' }, paths: { '/books': { get: expect.any(Object), post: expect.any(Object) } } });
    }
    expect((await app.inject({ method: 'HEAD', url: '/openapi.json' })).status).toBe(200);
    const moved = createApp({ handlers: [list], logger: { level: 'silent' }, openapi: { path: '/docs/openapi.json' } });
    expect([(await moved.inject({ method: 'GET', url: '/docs/openapi.json' })).status, (await moved.inject({ method: 'GET', url: '/openapi.json' })).status]).toEqual([200, 404]);
    const none = createApp({ handlers: [list], logger: { level: 'silent' }, openapi: { path: false } });
    expect((await none.inject({ method: 'GET', url: '/openapi.json' })).status).toBe(404);
  });
});
