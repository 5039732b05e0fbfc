// A small app for the GraphQL tests: named schemas, enums, bounded and unbounded integers, a loader.
import DataLoader from 'dataloader';
import { createApp, handler, HttpError, NotFound, provide, RequestContext, token, type Registration } from 'carve';
import { z } from 'carve/zod';

export const Status = z.enum(['admin', 'in-progress', '2fa']).meta({ id: 'Status' });
export const Task = z.object({
  id: z.number().int(),
  title: z.string(),
  status: Status,
  due: z.iso.datetime().optional(),
  rank: z.number().int().min(1).max(100),
  meta: z.record(z.string(), z.unknown()).optional(),
}).meta({ id: 'Task' });
const Board = z.object({ name: z.string(), top: Task, tasks: z.array(Task) }).meta({ id: 'Board' });

export const batches: number[][] = [];
export const scopes: string[] = [];
export const calls: string[] = [];

/** A request-scoped loader: one per GraphQL request, batching every task lookup in it. */
export const TaskLoader = token('TaskLoader', {
  inject: { request: RequestContext },
  lifetime: 'request',
  factory: ({ request }): DataLoader<number, z.infer<typeof Task>> => {
    scopes.push(request.requestId);
    return new DataLoader(async (ids) => {
      batches.push([...ids]);
      return ids.map((id) => ({ id, title: `task ${id}`, status: 'in-progress' as const, rank: 1 }));
    });
  },
});

export const handlers = [
  handler({ method: 'GET', path: '/tasks/{taskId}', auth: 'public', params: z.object({ taskId: z.coerce.number().int() }), response: Task, inject: { tasks: TaskLoader } },
    ({ params }, { tasks }) => tasks.load(params.taskId)),
  handler({ method: 'GET', path: '/board', auth: 'public', response: Board },
    () => ({ name: 'b', top: { id: 1, title: 't', status: '2fa' as const, rank: 3 }, tasks: [{ id: 2, title: 'u', status: 'admin' as const, rank: 4, due: '2026-11-22T09:00:00.000Z', meta: { a: 1 } }] })),
  handler({ method: 'GET', path: '/echo-status', auth: 'public', query: z.object({ status: Status, big: z.number().int().optional(), q: z.string().optional() }), response: z.object({ status: Status, big: z.number().int().optional() }) },
    ({ query }) => ({ status: query.status, big: query.big })),
  handler({ method: 'POST', path: '/tasks', auth: { roles: ['editor'] }, status: 201, body: z.object({ title: z.string().min(3), rank: z.number().int().min(1).max(100) }), response: Task },
    ({ body }) => { calls.push(body.title); return { id: 7, title: body.title, status: 'admin' as const, rank: body.rank }; }),
  handler({ method: 'POST', path: '/search', auth: 'public', body: z.object({ q: z.string() }), graphql: { operation: 'query' } }, ({ body }) => ({ found: body.q })),
  handler({ method: 'GET', path: '/missing/{id}', auth: 'public' }, ({ params }) => { throw new NotFound(`no thing ${params['id']}`); }),
  handler({ method: 'GET', path: '/boom', auth: 'public' }, () => { throw new Error('db password=secret'); }),
  handler({ method: 'GET', path: '/teapot', auth: 'public' }, () => { throw new HttpError(418, 'short and stout'); }),
  handler({ method: 'GET', path: '/download', auth: 'public', graphql: false }, () => new Uint8Array([1, 2])),
  handler({ method: 'ANY', path: '/proxy/{rest+}', auth: 'public' }, () => 'x'),
];

export const createTasksApp = (providers: Registration[] = []) => createApp({
  name: 'tasks', handlers, providers, logger: { level: 'silent' },
  auth: { scheme: 'test', securityScheme: {}, authenticate: async (req) => {
    const role = req.headers['x-role'];
    return role ? { sub: 'u1', roles: [role], scheme: 'test', claims: {} } : undefined;
  } },
});

export { provide };
