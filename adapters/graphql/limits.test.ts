import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, handler } from 'carve';
import { withGraphQL, type GraphQLOptions } from './server.js';
import { handlers } from './fixtures.js';
import { limitRules } from './limits.js';

type Answer = { status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
const served: string[] = [];
const counted = handler({ method: 'GET', path: '/counted', auth: 'public' }, () => (served.push('x'), 1));
const appWith = (options?: GraphQLOptions) => withGraphQL(createApp({ handlers: [...handlers, counted], logger: { level: 'silent' } }), options);
const ask = async (app: ReturnType<typeof appWith>, query: string) =>
  (await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, body: { query } })) as unknown as Answer;
const messages = (answer: Answer) => answer.body.errors?.map((e) => e.message) ?? [];

describe('GraphQL limits: refused before anything runs', () => {
  afterEach(() => void served.splice(0));

  it('a 60,000-alias operation (1.7 MB) stops at the token limit while parsing, running nothing', async () => {
    const app = appWith();
    const query = `{ ${Array.from({ length: 60_000 }, (_, i) => `a${i}: getCounted`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    const answer = await ask(app, query);
    expect(answer.status).toBe(400);
    expect(messages(answer)).toEqual([expect.stringMatching(/Document contains more tha[nt] 5000 tokens/)]);
    expect(served).toEqual([]);
  });

  it('aliases: 15 run, 16 are refused', async () => {
    const app = appWith();
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: getCounted`).join(' ')} }`;
    expect((await ask(app, aliases(15))).body.errors).toBeUndefined();
    expect(served).toHaveLength(15);
    served.splice(0);
    const refused = await ask(app, aliases(16));
    expect([refused.status, messages(refused)]).toEqual([400, ['operation: aliases 16 is over the limit of 15']]);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(served).toEqual([]);
  });

  it('depth and cost count fields where fragments are spread', async () => {
    const app = appWith({ limits: { maxDepth: 2, maxCost: 25 } });
    const deep = await ask(app, 'query Deep { getBoard { ...B } } fragment B on Board { top { title } }');
    expect(messages(deep)).toEqual(['operation Deep: depth 3 is over the limit of 2']);
    // Three handler calls (10 each) cost 30.
    const costly = await ask(app, '{ getCounted x: getCounted y: getCounted }');
    expect(messages(costly)).toEqual(['operation: cost 30 is over the limit of 25']);
    expect(served).toEqual([]);
    expect((await ask(app, '{ getCounted x: getCounted }')).body.errors).toBeUndefined();
  });

  it('introspection counts for nothing, and a fragment cycle does not hang the count', async () => {
    const app = appWith();
    expect((await ask(app, getIntrospectionQuery())).body.errors).toBeUndefined();
    const cycle = await ask(app, '{ getBoard { ...A } } fragment A on Board { name ...B } fragment B on Board { ...A }');
    expect(messages(cycle)).toEqual([expect.stringMatching(/Cannot spread fragment "A" within itself/)]);
  });

  it('refuses limits that cannot be met at start-up', () => {
    expect(() => limitRules({ maxDepth: 0 })).toThrow(/maxDepth must be a whole number of at least 1/);
  });
});

describe('GraphQL in production tells strangers nothing of the schema', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('no "Did you mean …?" in production; the suggestion stays in development', async () => {
    const misspelt = '{ getCountd }';
    expect(messages(await ask(appWith(), misspelt))).toEqual([expect.stringMatching(/Did you mean "getCounted"/)]);
    vi.stubEnv('NODE_ENV', 'production');
    const hidden = messages(await ask(appWith(), misspelt));
    expect(hidden).toEqual([expect.stringMatching(/Cannot query field "getCountd"/)]);
    expect(hidden.join(' ')).not.toMatch(/Did you mean/);
  });
});
