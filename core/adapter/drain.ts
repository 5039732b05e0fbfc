import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A server that can be drained: in-flight requests finish, keep-alive clients are told the connection closes. */
export interface Drainable {
  /** Stops accepting, lets in-flight requests finish (each answered with `Connection: close`), then resolves. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Graceful shutdown for a Node HTTP server, as a load balancer expects it: from the moment it starts, new
 * connections are refused, idle keep-alive connections are closed, and every response still to be sent says
 * `Connection: close`, so a keep-alive client opens its next request elsewhere instead of meeting a reset.
 * Connections still busy after `timeoutMs` are cut.
 */
export function drainable(server: Server): Drainable {
  const active = new Set<ServerResponse>();
  let draining = false;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      active.delete(res);
      // Its connection may now be idle: close it rather than keep it alive for a server that is going away.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  let drained: Promise<void> | undefined;
  return {
    drain(timeoutMs) {
      draining = true;
      return (drained ??= new Promise((resolve) => {
        for (const res of active) closeAfter(res);
        const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }));
    },
  };
}
