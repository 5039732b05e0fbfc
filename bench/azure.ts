import azureFunctions, { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { createApp, handler } from 'carve';
import { z } from 'carve/zod';
import { toAzureHandler } from 'carve/azure';
import { COURSES, NewCourse } from './lambda/data.js';
import { median, printTable } from './lambda/table.js';

const { HttpRequest: Request, InvocationContext: Context } = azureFunctions;
type AzureHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

// The floor: a hand-written v4 handler doing the routes' own work.
const handWritten: AzureHandler = async (request) => {
  const path = new URL(request.url).pathname;
  if (request.method === 'GET' && path.startsWith('/api/courses/')) {
    const course = COURSES[path.slice('/api/courses/'.length)];
    return course ? { status: 200, jsonBody: course } : { status: 404, jsonBody: { title: 'Not Found' } };
  }
  const parsed = NewCourse.safeParse(await request.json());
  return parsed.success ? { status: 201, jsonBody: { ...parsed.data, teacherId: 'tea-ada' } } : { status: 400, jsonBody: { errors: parsed.error.issues } };
};

const carve = toAzureHandler(createApp({
  logger: { level: 'silent' },
  handlers: [
    handler({ method: 'GET', path: '/courses/{code}', auth: 'public', params: z.object({ code: z.string() }) }, ({ params }) => COURSES[params.code] ?? { title: 'Not Found' }),
    handler({ method: 'POST', path: '/courses', auth: 'public', status: 201, body: NewCourse }, ({ body }) => ({ ...body, teacherId: 'tea-ada' })),
  ],
}));

const HANDLERS: Record<string, AzureHandler> = { 'hand-written v4 handler': handWritten, carve };
const newRequest = (method: 'GET' | 'POST') => method === 'GET'
  ? new Request({ method: 'GET', url: 'http://localhost:7071/api/courses/MATH-101', headers: { accept: 'application/json' } })
  : new Request({ method: 'POST', url: 'http://localhost:7071/api/courses', headers: { 'content-type': 'application/json' }, body: { string: JSON.stringify({ code: 'PHYS-110', title: 'Optics', credits: 4 }) } });

/** Warm per-request cost of the Azure adapter against a hand-written handler, on real HttpRequest objects. */
export async function azureWarm({ iterations, rounds }: { iterations: number; rounds: number }): Promise<void> {
  console.log(`\n## Azure Functions v4: warm µs per request (real HttpRequest objects, ${iterations} calls × ${rounds} rounds, median round)\n`);
  const context = new Context({ invocationId: 'bench', functionName: 'bench', logHandler: () => undefined });
  const samples: Record<string, Record<'GET' | 'POST', number[]>> = {};
  for (const [name, h] of Object.entries(HANDLERS)) {
    samples[name] = { GET: [], POST: [] };
    for (const method of ['GET', 'POST'] as const) {
      const status = (await h(newRequest(method), context)).status;
      if (status !== (method === 'GET' ? 200 : 201)) throw new Error(`${name} ${method} answered ${status}`);
      for (let i = 0; i < 1000; i++) await h(newRequest(method), context);
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, h] of Object.entries(HANDLERS)) {
      for (const method of ['GET', 'POST'] as const) {
        const requests = Array.from({ length: iterations }, () => newRequest(method)); // built outside the clock
        const start = process.hrtime.bigint();
        for (const r of requests) await h(r, context);
        samples[name]![method].push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
      }
    }
  }
  const base = samples['hand-written v4 handler']!;
  printTable(['handler', 'GET µs', 'POST µs', 'GET ratio', 'POST ratio'], Object.entries(samples).map(([name, s]) => [
    name, median(s.GET).toFixed(2), median(s.POST).toFixed(2),
    `${(median(s.GET) / median(base.GET)).toFixed(2)}×`, `${(median(s.POST) / median(base.POST)).toFixed(2)}×`,
  ]));
}
