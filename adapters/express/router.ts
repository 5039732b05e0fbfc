import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { App } from 'carve/adapter';
import { writeNodeResponse } from 'carve/adapter/node';
import { toIncoming } from './request.js';

export interface ExpressRouterOptions {
  /** Serve the OpenAPI document at this path. Off by default. */
  openapi?: string | undefined;
  /**
   * Hand unmatched requests to the next Express handler (default `true`), so carve routes can be
   * mounted ahead of a legacy app; `false` answers 404/405 as problem+json.
   */
  fallthrough?: boolean | undefined;
}

/**
 * Mounts a carve app into any Express 5 app: one middleware, so it needs nothing of Express at run time.
 *
 * @example
 * legacy.use(toExpressRouter(app));   // carve routes first, the legacy routes behind them
 */
export function toExpressRouter(app: App, options: ExpressRouterOptions = {}): RequestHandler {
  const fallthrough = options.fallthrough ?? true;
  const openapi = options.openapi;
  let document: string | undefined;
  return function carve(req: Request, res: Response, next: NextFunction) {
    if (openapi && (req.method === 'GET' || req.method === 'HEAD') && req.path === openapi) {
      document ??= JSON.stringify(app.openapi());
      writeNodeResponse(res, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, cookies: [], body: req.method === 'HEAD' ? undefined : document });
      return;
    }
    app.handle(toIncoming(req), { fallthrough }).then(
      (response) => (response ? writeNodeResponse(res, response) : next()),
      next,
    );
  };
}
