import { execSync } from 'node:child_process';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handler, createApp } from 'carve';
import { z } from 'carve/zod';
import { buildGraphQLSchema } from './schema.js';
import { withGraphQL } from './server.js';
import { batches, calls, createTasksApp, scopes } from './fixtures.js';

const app = withGraphQL(createTasksApp());
async function gql(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body: { query, variables } });
  return res as typeof res & { body: { data?: Record<string, unknown>; errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[] } };
}

describe('schema generation (graphql.md §6)', () => {
  const { sdl, warnings } = buildGraphQLSchema(createTasksApp());

  it('3: exactly one copy of graphql 16 is installed', () => {
    const copies = execSync('npm ls graphql --all --parseable', { encoding: 'utf8' }).trim().split('\n').filter((l) => l.endsWith('/graphql'));
    expect(new Set(copies).size).toBe(1);
    expect(execSync('node -p "require(\'graphql/package.json\').version"', { encoding: 'utf8' }).trim()).toMatch(/^16\./);
  });

  it('4 and 5: GET → Query, others → Mutation, overrides honoured, fields named by handler id', () => {
    expect(sdl).toMatch(/type Query \{[^}]*getTasksByTaskId\(taskId: Float!\): Task/s);
    expect(sdl).toMatch(/type Mutation \{[^}]*postTasks\(input: PostTasksInput!\): Task/s);
    expect(sdl).toMatch(/type Query \{[^}]*postSearch\(input: PostSearchInput!\): JSON/s);
  });

  it('5: two handlers for one field name fail the build, naming both', () => {
    const twin = (path: string) => handler({ method: 'GET', path, auth: 'public', id: 'same' }, () => 1);
    expect(() => buildGraphQLSchema(createApp({ handlers: [twin('/a'), twin('/b')] }))).toThrow(/"same": GET \/a and GET \/b/);
  });

  it('6: a named schema used alone, in a list and nested is one type; its enum is one enum', () => {
    expect(sdl.match(/^type Task /gm)).toHaveLength(1);
    expect(sdl.match(/^enum Status /gm)).toHaveLength(1);
    expect(sdl).toMatch(/type Board \{\s+name: String!\s+tasks: \[Task!\]!\s+top: Task!/);
  });

  it('7: a required body is `input: XInput!`, an optional query argument is nullable, a path parameter non-null', () => {
    expect(sdl).toContain('postTasks(input: PostTasksInput!): Task');
    expect(sdl).toMatch(/getEchoStatus\(big: Float, q: String, status: Status!\)/);
  });

  it('8 and 10: unbounded integers are Float, bounded ones Int; date-time is DateTime; records are JSON', () => {
    expect(sdl).toMatch(/type Task \{[^}]*id: Float![^}]*meta: JSON[^}]*rank: Int![^}]*\}/s);
    expect(sdl).toMatch(/due: DateTime/);
  });

  it('10: an undiscriminated union fails the build', () => {
    const union = handler({ method: 'GET', path: '/u', auth: 'public', response: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) }, () => ({ a: 'x' }));
    expect(() => buildGraphQLSchema(createApp({ handlers: [union] }))).toThrow(/union without a discriminator/);
  });

  it('21: the SDL is the same on every build', () => {
    expect(buildGraphQLSchema(createTasksApp()).sdl).toBe(sdl);
  });

  it('22: handlers a field cannot carry are left out, each with a warning', () => {
    expect(warnings).toEqual([
      expect.stringMatching(/GET \/download .* declared graphql: false/),
      expect.stringMatching(/ANY \/proxy\/\{rest\+\} .* answers any method/),
    ]);
  });
});

describe('resolving through the same handlers (graphql.md §6)', () => {
  beforeEach(() => {
    batches.length = 0;
    scopes.length = 0;
    calls.length = 0;
  });

  it('9: enum values round-trip, input and output; integers past 2^31 too', async () => {
    const res = await gql('{ getEchoStatus(status: in_progress, big: 3000000000) { status big } two: getEchoStatus(status: _2fa) { status } }');
    expect(res.body).toEqual({ data: { getEchoStatus: { status: 'in_progress', big: 3000000000 }, two: { status: '_2fa' } } });
  });

  it('11: a handler\'s NotFound is a NOT_FOUND field error; siblings resolve; HTTP 200; no extensions.http', async () => {
    const res = await gql('{ getMissingById(id: "7") ok: getBoard { name } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ getMissingById: null, ok: { name: 'b' } });
    expect(res.body.errors).toEqual([expect.objectContaining({ message: 'no thing 7', path: ['getMissingById'], extensions: { code: 'NOT_FOUND' } })]);
  });

  it('12: an unknown error is "Internal error", INTERNAL_SERVER_ERROR, no stack, logged with the request id', async () => {
    const lines: string[] = [];
    const logged = withGraphQL(createApp({ name: 'x', handlers: createTasksApp().handlers, logger: { level: 'info', sink: (l) => lines.push(l) } }));
    const res = await logged.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-request-id': 'gql-1' }, body: { query: '{ getBoom }' } });
    const body = res.body as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toEqual(expect.objectContaining({ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(JSON.stringify(body)).not.toMatch(/secret|stacktrace/);
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ level: 'error', requestId: 'gql-1', err: expect.objectContaining({ message: 'db password=secret' }) }));
  });

  it('13: input that fails the handler\'s schema is BAD_USER_INPUT with the failing paths', async () => {
    const res = await gql('mutation { postTasks(input: { title: "ab", rank: 5 }) { id } }', { 'x-role': 'editor' });
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ path: 'body.title' })] });
  });

  it('14: no credentials → UNAUTHENTICATED, wrong role → FORBIDDEN, right role → data', async () => {
    const create = 'mutation { postTasks(input: { title: "write", rank: 5 }) { id title } }';
    expect((await gql(create)).body.errors![0]!.extensions['code']).toBe('UNAUTHENTICATED');
    expect((await gql(create, { 'x-role': 'viewer' })).body.errors![0]!.extensions['code']).toBe('FORBIDDEN');
    expect((await gql(create, { 'x-role': 'editor' })).body.data).toEqual({ postTasks: { id: 7, title: 'write' } });
  });

  it('15 and 16: three aliased lookups are one batch in one request scope; two requests, two loaders', async () => {
    await gql('{ a: getTasksByTaskId(taskId: 1) { id } b: getTasksByTaskId(taskId: 2) { id } c: getTasksByTaskId(taskId: 3) { title } }');
    expect(batches).toEqual([[1, 2, 3]]);
    await gql('{ a: getTasksByTaskId(taskId: 4) { id } }');
    expect(batches).toEqual([[1, 2, 3], [4]]);
    expect(new Set(scopes).size).toBe(2);
  });

  it('17: mutations in one document run in order', async () => {
    await gql('mutation { one: postTasks(input: { title: "first", rank: 1 }) { id } two: postTasks(input: { title: "second", rank: 2 }) { id } three: postTasks(input: { title: "third", rank: 3 }) { id } }', { 'x-role': 'editor' });
    expect(calls).toEqual(['first', 'second', 'third']);
  });

  it('18: GET without a preflight header is blocked as CSRF; with one, or by POST, it is answered', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ getBoard { name } }')}`;
    expect((await app.inject({ method: 'GET', url })).status).toBe(400);
    const ok = await app.inject({ method: 'GET', url, headers: { 'apollo-require-preflight': '1' } });
    expect(ok).toMatchObject({ status: 200, body: { data: { getBoard: { name: 'b' } } } });
  });

  it('19: the response media type follows Accept', async () => {
    const modern = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: { query: '{ getBoard { name } }' } });
    expect(modern.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    const classic = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: { query: '{ getBoard { name } }' } });
    expect(classic.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('20: a malformed JSON body is a 400, never a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });

  it('21: introspection is off in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const prod = withGraphQL(createTasksApp());
      const res = await prod.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, body: { query: '{ __schema { types { name } } }' } });
      expect(JSON.stringify(res.body)).toMatch(/introspection/i);
      expect((res.body as { data?: unknown }).data).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
