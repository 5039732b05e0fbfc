import type { GatewayCors, Middleware } from './middleware.js';
import type { CarveResponse } from './request.js';

export interface CorsOptions {
  /** Allowed origins: a list, `'*'`, or a predicate. */
  origins: readonly string[] | '*' | ((origin: string) => boolean);
  credentials?: boolean | undefined;
  methods?: readonly string[] | undefined;
  allowHeaders?: readonly string[] | undefined;
  exposeHeaders?: readonly string[] | undefined;
  /** Seconds a preflight may be cached. */
  maxAge?: number | undefined;
  /** The status of a preflight's answer. Default 204; 200 for old browsers (IE11, some smart TVs) that choke on 204. */
  preflightStatus?: 200 | 204 | undefined;
}

const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * CORS, explicitly configured. `'*'` with credentials is refused at startup: browsers reject it and it
 * usually means "reflect any origin", which would hand credentials to every site.
 */
export function cors(options: CorsOptions): Middleware {
  if (options.origins === '*' && options.credentials) {
    throw new TypeError('cors: origins "*" cannot be combined with credentials; list the allowed origins');
  }
  const allows = (origin: string): boolean =>
    options.origins === '*' ? true
      : typeof options.origins === 'function' ? options.origins(origin)
        : options.origins.includes(origin);
  const allowOriginFor = (origin: string) => (options.origins === '*' ? '*' : origin);
  const methods = (options.methods ?? DEFAULT_METHODS).join(', ');

  const middleware: Middleware = async (request, next) => {
    const origin = request.headers['origin'];
    const preflight = request.method === 'OPTIONS' && origin !== undefined
      && request.headers['access-control-request-method'] !== undefined;
    if (preflight) {
      const response: CarveResponse = { status: options.preflightStatus ?? 204, headers: { vary: 'Origin, Access-Control-Request-Headers' }, cookies: [], body: undefined };
      if (!allows(origin)) return response;
      const h = response.headers;
      h['access-control-allow-origin'] = allowOriginFor(origin);
      h['access-control-allow-methods'] = methods;
      const requested = request.headers['access-control-request-headers'];
      const allowHeaders = options.allowHeaders?.join(', ') ?? requested;
      if (allowHeaders) h['access-control-allow-headers'] = allowHeaders;
      if (options.credentials) h['access-control-allow-credentials'] = 'true';
      if (options.maxAge !== undefined) h['access-control-max-age'] = String(options.maxAge);
      return response;
    }
    const response = await next();
    // '*' goes on every response, Origin or not: it does not vary by origin (no `Vary: Origin`), so a cache that
    // stored an answer to a request without one must still hold the header browsers need.
    if (options.origins !== '*' && (origin === undefined || !allows(origin))) return response;
    const h = response.headers;
    h['access-control-allow-origin'] = allowOriginFor(origin ?? '*');
    if (options.origins !== '*') h['vary'] = h['vary'] ? `${h['vary']}, Origin` : 'Origin';
    if (options.credentials) h['access-control-allow-credentials'] = 'true';
    if (options.exposeHeaders?.length) h['access-control-expose-headers'] = options.exposeHeaders.join(', ');
    return response;
  };
  const gateway = gatewayCors(options);
  return gateway ? Object.assign(middleware, { gateway: { cors: gateway } }) : middleware;
}

/**
 * The same grants in a gateway's terms, where a gateway can give exactly them: not for a predicate (a gateway lists
 * origins), nor for credentials with no header list (carve reflects the headers asked for; a gateway's `*` does not
 * hold with credentials).
 */
function gatewayCors(options: CorsOptions): GatewayCors | undefined {
  if (typeof options.origins === 'function') return undefined;
  if (options.credentials && !options.allowHeaders) return undefined;
  // API Gateway answers a preflight 204, as carve does unless told otherwise.
  if (options.preflightStatus === 200) return undefined;
  return {
    allowOrigins: options.origins === '*' ? ['*'] : [...options.origins],
    allowMethods: [...(options.methods ?? DEFAULT_METHODS)],
    allowHeaders: options.allowHeaders ? [...options.allowHeaders] : ['*'],
    exposeHeaders: [...(options.exposeHeaders ?? [])],
    allowCredentials: options.credentials ?? false,
    ...(options.maxAge !== undefined ? { maxAge: options.maxAge } : {}),
  };
}

