import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, handler } from 'carve';
import { problemResponse, Router, type App } from 'carve/adapter';
import { drainable, flattenHeaders, writeNodeResponse } from 'carve/adapter/node';

export interface GatewayUnit {
  name: string;
  /** Where the unit listens: `http://127.0.0.1:4001`. */
  url: string;
  routes: { method: string; path: string }[];
  /** False while the unit is down (restarting after a crash): its requests get 503 with `Retry-After`. */
  up?: boolean | undefined;
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
 * across every unit) as problem+json. `/openapi.json`, which every unit serves for the whole app, goes to one of them.
 */
export async function startGateway(units: readonly GatewayUnit[], options: {
  port?: number | undefined; host?: string | undefined; fallback?: GatewayUnit | undefined;
  /** The whole app's OpenAPI document (JSON), answered at `/openapi.json` by the gateway itself (a build's units carry stubs). */
  openapi?: string | undefined;
} = {}): Promise<Gateway> {
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

  // Each unit's host and port, parsed once per address rather than on every request (a restarted unit may have a new one).
  const origins = new Map<string, Origin>();
  const originOf = (unit: GatewayUnit): Origin => {
    let origin = origins.get(unit.url);
    if (!origin) origins.set(unit.url, (origin = new URL(unit.url)));
    return origin;
  };
  const send = (unit: GatewayUnit, req: IncomingMessage, res: ServerResponse) => {
    if (unit.up === false) {
      req.resume();
      return void writeNodeResponse(res, problemResponse(503, { detail: `the ${unit.name} unit is restarting`, headers: { 'retry-after': '1' } }));
    }
    proxy(req, res, originOf(unit));
  };
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
    // Every unit serves the whole app's OpenAPI document (a remainder's unit too): one of them answers for it.
    if (!target && path === '/openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      if (options.openapi !== undefined) {
        req.resume();
        return void writeNodeResponse(res, { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: req.method === 'HEAD' ? undefined : options.openapi });
      }
      target = options.fallback ?? units[0];
    }
    if (target) send(target, req, res);
    else if (options.fallback) send(options.fallback, req, res);
    else void answerLocally(routesOnly, req, res, path, q === -1 ? '' : url.slice(q + 1));
  });
  const drainer = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    server,
    // In-flight requests finish (up to 10 s), each answered with Connection: close.
    close: () => drainer.drain(10_000),
  };
}

/**
 * Hands the request to the unit at its origin as it was sent: the unit's own host and port, and the raw target as
 * its path. Resolving the target against the base (`new URL`) would send `//other-host/x` to another host and
 * `/a/%2e%2e` to `/`, a path no router matched.
 */
function proxy(req: IncomingMessage, res: ServerResponse, { hostname, port }: Origin): void {
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, 'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ') };
  for (const name of HOP_BY_HOP) delete headers[name];
  const forward = httpRequest({ hostname, port, path: req.url ?? '/', method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, endToEnd(answer.rawHeaders));
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (res.headersSent) return void res.end();
    writeNodeResponse(res, problemResponse(502, { detail: 'the unit did not answer' }));
  });
  req.pipe(forward);
}

/**
 * Headers about one connection, never passed on by a proxy (RFC 9110 §7.6.1): the unit's `Connection: keep-alive`
 * is about its connection to the gateway, not the client's (which the gateway closes when it drains).
 * `Transfer-Encoding` goes too: Node frames the body again for the client.
 */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

function endToEnd(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.includes(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  return out;
}

async function answerLocally(app: App, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
  req.resume();
  const response = await app.handle({ method: req.method ?? 'GET', path, rawQuery, headers: flattenHeaders(req.headers), sourceIp: req.socket.remoteAddress ?? '' });
  writeNodeResponse(res, response);
}
