import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { CurrentPrincipal, Log, RequestContext } from './container.js';
import { handler } from './handler.js';
import { provide, token } from './token.js';

describe('dependency injection', () => {
  it('never constructs a provider used only by another handler', async () => {
    const built: string[] = [];
    const A = token('A', { factory: () => built.push('A') && { name: 'a' } });
    const B = token('B', { factory: () => built.push('B') && { name: 'b' } });
    const onlyA = handler({ method: 'GET', path: '/a', auth: 'public', inject: { a: A } }, (_, { a }) => a);
    const onlyB = handler({ method: 'GET', path: '/b', auth: 'public', inject: { b: B } }, (_, { b }) => b);
    const app = createApp({ handlers: [onlyA, onlyB] });
    expect(built).toEqual([]);
    await app.inject({ method: 'GET', url: '/b' });
    await app.inject({ method: 'GET', url: '/b' });
    expect(built).toEqual(['B']);
  });

  it('builds a singleton once, shared by handlers and by dependents', async () => {
    let count = 0;
    const Db = token('Db', { factory: () => ({ id: ++count }) });
    const Repo = token('Repo', { inject: { db: Db }, factory: ({ db }) => ({ db }) });
    const h1 = handler({ method: 'GET', path: '/one', auth: 'public', inject: { db: Db } }, (_, { db }) => db);
    const h2 = handler({ method: 'GET', path: '/two', auth: 'public', inject: { repo: Repo } }, (_, { repo }) => repo.db);
    const app = createApp({ handlers: [h1, h2] });
    expect((await app.inject({ method: 'GET', url: '/one' })).body).toEqual({ id: 1 });
    expect((await app.inject({ method: 'GET', url: '/two' })).body).toEqual({ id: 1 });
  });

  it('gives each concurrent request its own request-scoped instance', async () => {
    let count = 0;
    const Scratch = token('Scratch', {
      inject: { request: RequestContext },
      factory: ({ request }) => ({ n: ++count, requestId: request.requestId, seen: [] as string[] }),
      lifetime: 'request',
    });
    const Audit = token('Audit', { inject: { scratch: Scratch }, factory: ({ scratch }) => scratch, lifetime: 'request' });
    const h = handler({ method: 'GET', path: '/s', auth: 'public', inject: { scratch: Scratch, audit: Audit } },
      async ({ request }, { scratch, audit }) => {
        scratch.seen.push(request.requestId);
        await new Promise((r) => setTimeout(r, 5));
        return { same: scratch === audit, requestId: scratch.requestId, n: scratch.n, seen: scratch.seen };
      });
    const app = createApp({ handlers: [h] });
    const results = await Promise.all(['r1', 'r2', 'r3'].map((id) =>
      app.inject({ method: 'GET', url: '/s', headers: { 'x-request-id': id } })));
    const bodies = results.map((r) => r.body as { same: boolean; requestId: string; n: number; seen: string[] });
    expect(bodies.map((b) => b.requestId)).toEqual(['r1', 'r2', 'r3']);
    expect(bodies.every((b) => b.same)).toBe(true);
    expect(bodies.map((b) => b.seen)).toEqual([['r1'], ['r2'], ['r3']]);
    expect(new Set(bodies.map((b) => b.n)).size).toBe(3);
  });

  it('injects the request logger and the principal', async () => {
    const h = handler({ method: 'GET', path: '/who', auth: 'public', inject: { log: Log, principal: CurrentPrincipal } },
      (_, { log, principal }) => ({ hasLog: typeof log.info === 'function', principal: principal ?? null }));
    const res = await createApp({ handlers: [h] }).inject({ method: 'GET', url: '/who' });
    expect(res.body).toEqual({ hasLog: true, principal: null });
  });

  it('builds a transient provider at every injection', async () => {
    let count = 0;
    const Fresh = token('Fresh', { factory: () => ++count, lifetime: 'transient' });
    const h = handler({ method: 'GET', path: '/t', auth: 'public', inject: { a: Fresh, b: Fresh } }, (_, d) => d);
    const app = createApp({ handlers: [h] });
    expect((await app.inject({ method: 'GET', url: '/t' })).body).toEqual({ a: 1, b: 2 });
    expect((await app.inject({ method: 'GET', url: '/t' })).body).toEqual({ a: 3, b: 4 });
  });

  it('lets app registrations override default providers', async () => {
    const Clock = token<{ now(): string }>('Clock', { factory: () => ({ now: () => 'real' }) });
    const h = handler({ method: 'GET', path: '/now', auth: 'public', inject: { clock: Clock } }, (_, { clock }) => clock.now());
    const app = createApp({ handlers: [h], providers: [provide(Clock, { value: { now: () => 'fixed' } })] });
    expect((await app.inject({ method: 'GET', url: '/now' })).body).toBe('fixed');
  });

  it('validate() names the handler and the token chain of a missing provider', () => {
    const Secrets = token<string>('Secrets');
    const Mailer = token('Mailer', { inject: { secrets: Secrets }, factory: ({ secrets }) => secrets });
    const send = handler({ method: 'POST', path: '/mail', auth: 'public', inject: { mailer: Mailer } }, () => undefined);
    const report = createApp({ handlers: [send] }).validate();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ handler: 'POST /mail (postMail)', chain: ['Mailer', 'Secrets'], token: 'Secrets' })]);
    expect(report.problems[0]!.message).toContain('POST /mail (postMail) needs Mailer → Secrets, but Secrets has no provider');
    const fixed = createApp({ handlers: [send], providers: [provide(Secrets, { value: 'k' })] }).validate();
    expect(fixed).toEqual({ ok: true, problems: [] });
  });

  it('validate() reports a singleton that depends on request-scoped values, and cycles', () => {
    const Leaky = token('Leaky', { inject: { request: RequestContext }, factory: ({ request }) => request.requestId });
    type Node = { next: unknown };
    const First: ReturnType<typeof token<Node>> = token<Node>('First', { inject: { get second() { return Second; } }, factory: (d) => ({ next: d }) });
    const Second: ReturnType<typeof token<Node>> = token<Node>('Second', { inject: { first: First }, factory: (d) => ({ next: d }) });
    const h = handler({ method: 'GET', path: '/x', auth: 'public', inject: { leaky: Leaky, first: First } }, () => undefined);
    const messages = createApp({ handlers: [h] }).validate().problems.map((p) => p.message);
    expect(messages).toContain('GET /x (getX): singleton Leaky depends on request-scoped RequestContext; make Leaky request-scoped or transient');
    expect(messages).toContain('GET /x (getX): dependency cycle First → Second → First');
  });

  it('disposes singletons on close, newest first', async () => {
    const closed: string[] = [];
    const Db = token('Db', { factory: () => 'db', dispose: () => void closed.push('Db') });
    const Cache = token('Cache', { inject: { db: Db }, factory: () => 'cache', dispose: () => void closed.push('Cache') });
    const h = handler({ method: 'GET', path: '/c', auth: 'public', inject: { cache: Cache } }, () => 'ok');
    const app = createApp({ handlers: [h] });
    await app.inject({ method: 'GET', url: '/c' });
    await app.close();
    expect(closed).toEqual(['Cache', 'Db']);
  });

  it('keeps two apps in one process apart', async () => {
    let count = 0;
    const Counter = token('Counter', { factory: () => ({ n: ++count }) });
    const h = handler({ method: 'GET', path: '/n', auth: 'public', inject: { c: Counter } }, (_, { c }) => c);
    const one = createApp({ handlers: [h] });
    const two = createApp({ handlers: [h] });
    expect((await one.inject({ method: 'GET', url: '/n' })).body).toEqual({ n: 1 });
    expect((await two.inject({ method: 'GET', url: '/n' })).body).toEqual({ n: 2 });
  });
});
