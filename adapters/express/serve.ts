import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { importPeer, problemResponse, type App } from 'carve/adapter';
import { drainable, writeNodeResponse } from 'carve/adapter/node';
import { toExpressRouter } from './router.js';

export interface ServeOptions {
  port?: number | undefined;
  host?: string | undefined;
  /** Where the OpenAPI document is served; `false` to turn it off. Default `/openapi.json`. */
  openapi?: string | false | undefined;
  /** Drain and exit on SIGTERM and SIGINT. Default `true`. */
  handleSignals?: boolean | undefined;
  /** How long a drain waits for in-flight requests before closing their connections. Default 10 s. */
  drainTimeoutMs?: number | undefined;
  /**
   * Express's `trust proxy`: which peers' `X-Forwarded-For` gives the client's address (`request.sourceIp`, what a
   * rate limit keys on). Default: none, the socket's peer is the client. A unit behind carve's gateway trusts loopback.
   */
  trustProxy?: boolean | number | string | undefined;
}

export interface ServerHandle {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting, waits for in-flight requests, then disposes the app's singletons. */
  close(): Promise<void>;
}

/**
 * Serves a carve app on Express. Refuses to start when a handler's dependencies cannot be resolved.
 *
 * @example
 * const server = await serve(app, { port: 3000 });
 */
export async function serve(app: App, options: ServeOptions = {}): Promise<ServerHandle> {
  const report = app.validate();
  if (!report.ok) throw new Error(`cannot serve ${app.name}:\n${report.problems.map((p) => `  - ${p.message}`).join('\n')}`);
  const { default: express } = await importPeer('express', 'carve/express serve()', () => import('express'));
  const host = options.host ?? '127.0.0.1';
  const web = express();
  web.disable('x-powered-by');
  if (options.trustProxy !== undefined && options.trustProxy !== '') web.set('trust proxy', options.trustProxy);
  const openapi = options.openapi === false ? undefined : options.openapi ?? '/openapi.json';
  // With a legacy remainder, carve answers its routes and everything else falls through to it, body unread.
  web.use(toExpressRouter(app, { openapi, fallthrough: app.remainder !== undefined }));
  // Called as a listener, not mounted: what the legacy app passes on (next(err), a missing file) is answered
  // by its own final handler, with its own status and page, as it was before the split.
  const remainder = app.remainder;
  if (remainder) web.use((req: IncomingMessage, res: ServerResponse) => remainder(req, res));
  web.use(lastResort);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = web.listen(options.port ?? 3000, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  const drainer = drainable(server);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= drainer.drain(options.drainTimeoutMs ?? 10_000).then(() => app.close()));
  if (options.handleSignals ?? true) {
    const onSignal = () => void close().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    server.once('close', () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, server, close };
}

// Only reached when carve itself failed before answering (the app turns handler errors into responses).
function lastResort(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled adapter error', err: String(error) }));
  if (res.headersSent) return void res.end();
  writeNodeResponse(res, problemResponse(500));
}
