import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, handler } from 'carve';
import { problemResponse, Router, type App } from 'carve/adapter';
import { flattenHeaders, writeNodeResponse } from 'carve/adapter/node';

export interface GatewayUnit {
  name: string;
  /** Where the unit listens: `http://127.0.0.1:4001`. */
  url: string;
  routes: { method: string; path: string }[];
}

/** Where a unit listens, as the proxy needs it. */
type Origin = Pick<URL, 'hostname' | 'port'>;

export interface Gateway {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * One port in front of many units, routing like API Gateway: a request goes to the unit that owns its
 * route; HEAD follows GET, a CORS preflight goes to a unit on that path; an unknown path or method goes to
 * the `fallback` unit (a legacy remainder) if there is one, else gets carve's own 404 or 405 (with `Allow`
 * across every unit) as problem+json.
 */
export async function startGateway(units: readonly GatewayUnit[], options: { port?: number | undefined; host?: string | undefined; fallback?: GatewayUnit | undefined } = {}): Promise<Gateway> {
  const router = new Router<GatewayUnit>();
  const anyUnitOnPath = new Router<GatewayUnit>();
  const seen = new Set<string>();
  for (const unit of units) {
    for (const route of unit.routes) {
      router.add(route.method, route.path, unit);
      if (!seen.has(route.path)) anyUnitOnPath.add('ANY', route.path, unit);
      seen.add(route.path);
    }
  }
  // Answers what no unit serves, with exactly the problem responses a unit would give.
  const routesOnly: App = createApp({
    name: 'gateway',
    logger: { level: 'silent' },
    handlers: units.flatMap((u) => u.routes.map((r) => handler({ method: r.method as 'GET', path: r.path, resource: 'gateway', auth: 'public' }, () => undefined))),
  });

  // Each unit's host and port, parsed once rather than on every request it gets.
  const origins = new Map([...units, ...(options.fallback ? [options.fallback] : [])].map((u) => [u, new URL(u.url)] as const));
  const originOf = (unit: GatewayUnit): Origin => origins.get(unit)!;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    // Only a path is a target here: an absolute-form one (`GET http://host/x`) would make the gateway a proxy.
    if (!url.startsWith('/')) {
      req.resume();
      return void writeNodeResponse(res, problemResponse(400, { detail: 'the request target must be a path (origin-form), not an absolute URL' }));
    }
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    let target: GatewayUnit | undefined;
    try {
      const match = router.match(req.method ?? 'GET', path);
      if (match.kind === 'found') target = match.route.value;
      else if (req.method === 'OPTIONS') {
        const owner = anyUnitOnPath.match('GET', path);
        if (owner.kind === 'found') target = owner.route.value;
      }
    } catch {
      target = undefined; // a malformed path: let carve's app answer it
    }
    if (target) proxy(req, res, originOf(target));
    else if (options.fallback) proxy(req, res, originOf(options.fallback));
    else void answerLocally(routesOnly, req, res, path, q === -1 ? '' : url.slice(q + 1));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * Hands the request to the unit at its origin as it was sent: the unit's own host and port, and the raw target as
 * its path. Resolving the target against the base (`new URL`) would send `//other-host/x` to another host and
 * `/a/%2e%2e` to `/`, a path no router matched.
 */
function proxy(req: IncomingMessage, res: ServerResponse, { hostname, port }: Origin): void {
  const headers = { ...req.headers, 'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ') };
  const forward = httpRequest({ hostname, port, path: req.url ?? '/', method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (res.headersSent) return void res.end();
    writeNodeResponse(res, problemResponse(502, { detail: 'the unit did not answer' }));
  });
  req.pipe(forward);
}

async function answerLocally(app: App, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
  req.resume();
  const response = await app.handle({ method: req.method ?? 'GET', path, rawQuery, headers: flattenHeaders(req.headers), sourceIp: req.socket.remoteAddress ?? '' });
  writeNodeResponse(res, response);
}
