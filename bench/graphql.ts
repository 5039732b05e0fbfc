import { createApp, handler } from 'carve';
import { z } from 'carve/zod';
import { withGraphQL } from 'carve/graphql';
import { COURSES } from './lambda/data.js';
import { median, printTable } from './lambda/table.js';

const Course = z.object({ code: z.string(), title: z.string(), credits: z.number().int(), teacherId: z.string() }).meta({ id: 'BenchCourse' });
const app = withGraphQL(createApp({
  logger: { level: 'silent' },
  handlers: [handler({ method: 'GET', path: '/courses/{code}', auth: 'public', id: 'course', params: z.object({ code: z.string() }), response: Course },
    ({ params }) => COURSES[params.code]!)],
}));

const rest = { method: 'GET', path: '/courses/MATH-101' };
const gql = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ course(code: "MATH-101") { code title credits teacherId } }' }) };

/** In-process, through app.handle: the GraphQL query and the REST route that call the same handler. */
export async function graphqlOverhead({ iterations, rounds }: { iterations: number; rounds: number }): Promise<void> {
  console.log(`\n## GraphQL vs REST, the same handler in-process (app.handle, ${iterations} calls × ${rounds} rounds, median round)\n`);
  const samples = { rest: [] as number[], graphql: [] as number[] };
  const check = await app.handle(gql);
  if (!String(check.body).includes('"title":"Analytical Engines"')) throw new Error(`graphql answered ${String(check.body)}`);
  for (let i = 0; i < 2000; i++) {
    await app.handle(rest);
    await app.handle(gql);
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, request] of [['rest', rest], ['graphql', gql]] as const) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await app.handle(request);
      samples[name].push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
    }
  }
  const r = median(samples.rest);
  const g = median(samples.graphql);
  printTable(['route', 'µs per request', 'ratio'], [['REST GET /courses/{code}', r.toFixed(2), '1.00×'], ['GraphQL { course(code) }', g.toFixed(2), `${(g / r).toFixed(2)}×`]]);
}
