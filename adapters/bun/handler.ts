import type { App } from 'carve/adapter';
import { toFetchHandler, type FetchHandlerOptions } from 'carve/fetch';
import type { BunServer } from './runtime.js';

export type BunHandler = (request: Request, server: BunServer) => Promise<Response>;

/**
 * A `Bun.serve` fetch handler for a carve app: carve's fetch handler, with the client's address from
 * `server.requestIP(request)`.
 *
 * @example
 * Bun.serve({ port: 3000, fetch: toBunHandler(app) });
 */
export function toBunHandler(app: App, options: Omit<FetchHandlerOptions, 'sourceIp'> = {}): BunHandler {
  const handle = toFetchHandler(app, {
    ...options,
    sourceIp: (request, server) => (server as BunServer | undefined)?.requestIP(request)?.address,
  });
  return (request, server) => handle(request, server);
}
