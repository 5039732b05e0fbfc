import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { App, CarveResponse } from 'carve';
import { toIncoming } from './request';

export interface ExpressRouterOptions {
  /** Serve the OpenAPI document at this path. Off by default. */
  openapi?: string;
  /**
   * Hand unmatched requests to the next Express handler (default `true`), so carve routes can be
   * mounted ahead of a legacy app; `false` answers 404/405 as problem+json.
   */
  fallthrough?: boolean;
}

/**
 * Mounts a carve app into any Express 5 app.
 *
 * @example
 * legacy.use(toExpressRouter(app));   // carve routes first, the legacy routes behind them
 */
export function toExpressRouter(app: App, options: ExpressRouterOptions = {}): Router {
  const router = express.Router();
  if (options.openapi) {
    let document: string | undefined;
    router.get(options.openapi, (_req, res) => {
      document ??= JSON.stringify(app.openapi());
      res.type('application/json').send(document);
    });
  }
  const fallthrough = options.fallthrough ?? true;
  router.use((req: Request, res: Response, next: NextFunction) => {
    app.handle(toIncoming(req), { fallthrough }).then(
      (response) => (response ? send(res, response) : next()),
      next,
    );
  });
  return router;
}

export function send(res: Response, response: CarveResponse): void {
  const headers: Record<string, string | string[]> = response.headers;
  if (response.cookies.length > 0) headers['set-cookie'] = [...response.cookies];
  const body = response.body;
  if (body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers).end(bytes);
}
