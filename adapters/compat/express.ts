/**
 * @module carve/compat/express — Express code, unchanged, inside carve handlers on every target.
 *
 * `carve split` moves a route whose code it cannot rewrite onto the SDK this way: the route's own Express
 * router (or handler) and the middleware in front of it run in a small Express app of their own, built with
 * the app's own `express`, on @vendia/serverless-express's stand-ins for Node's request and response. So
 * `helmet()`, a custom auth middleware, `res.sendFile` or `req.accepts` behave exactly as they did, and the
 * route is still a carve handler: in every shape, on every target.
 *
 * @example
 * import express from 'express';
 * import { handler } from 'carve';
 * import { fromExpress } from 'carve/compat/express';
 * import users from '../routes/users.js';
 *
 * const legacy = fromExpress(express, (app) => {
 *   app.use(helmet());
 *   app.use('/users', users);
 * });
 * export const getUser = handler({ method: 'GET', path: '/users/{id}', auth: 'public' }, ({ request }) => legacy(request));
 */
import { reply, type CarveRequest, type Reply } from 'carve';
import { importPeer, type RequestListener } from 'carve/adapter';
import { listenerProxy, type ListenerResponse } from 'carve/adapter/node';

export { requireValue } from './require-value.js';

/** What `fromExpress` needs of the app's `express` module: the function that makes an app. */
export type ExpressFactory = () => RequestListener;

/** The Express app `setup` fills in: whatever the app's `express()` returns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExpressApp = any;

/** Headers carve sets itself from the body it sends; Express's own would disagree with it after re-encoding. */
const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Runs Express code for carve requests: `setup` registers, on a fresh app made by `express`, what the legacy
 * app had in front of the route and the route itself, in the same order. The app is made on the first
 * request and kept. The answer is Express's own: its status, headers, cookies and bytes.
 */
export function fromExpress(express: ExpressFactory, setup: (app: ExpressApp) => void): (request: CarveRequest) => Promise<Reply> {
  let call: ((request: CarveRequest) => Promise<ListenerResponse>) | undefined;
  const ready = () => {
    if (call) return call;
    const app = express() as ExpressApp;
    setup(app);
    const proxy = listenerProxy(app, () => importPeer('@vendia/serverless-express', 'carve/compat/express', () => import('@vendia/serverless-express')));
    call = (request) => proxy({
      method: request.method,
      url: request.rawQuery === '' ? request.path : `${request.path}?${request.rawQuery}`,
      headers: { ...request.headers },
      body: request.body,
      remoteAddress: request.sourceIp,
    });
    return call;
  };
  return async (request) => {
    const answer = await ready()(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    return reply({ status: answer.status, headers, cookies: answer.cookies, body: answer.body.length > 0 ? new Uint8Array(answer.body) : undefined });
  };
}
