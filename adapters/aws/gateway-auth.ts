import type { App, GatewayAuth } from 'carve';
import type { BuiltUnit, RouteRef } from 'carve/build';
import { httpRoutes } from './routes.js';

/** The HTTP API JWT authorizer carve puts in front of the routes that need a principal. */
export const AUTHORIZER = 'CarveJwt';

/**
 * The JWT the gateway can check for this app: when its one authenticator is a `jwtAuth` the gateway can verify itself
 * (a JWKS, an https issuer, an audience). With other authenticators beside it, a caller they admit would be refused
 * at the gateway, so carve checks every credential itself.
 */
export function gatewayJwt(app: App): GatewayAuth['jwt'] | undefined {
  const [only, ...others] = app.authenticators;
  return others.length === 0 ? only?.gateway?.jwt : undefined;
}

/** The authorizer a route gets: carve's JWT authorizer where the gateway can check the token and the route needs a principal. */
export function authorizerOf(app: App): (route: RouteRef) => string | undefined {
  const jwt = gatewayJwt(app);
  return (route) => (jwt && needsPrincipal(app, route) ? AUTHORIZER : undefined);
}

/** Whether the route's handler needs a principal (HEAD as its GET). */
function needsPrincipal(app: App, route: RouteRef): boolean {
  const method = route.method === 'HEAD' ? 'GET' : route.method;
  const handler = app.handlers.find((h) => h.method === method && h.path === route.path);
  return handler !== undefined && (handler.spec.auth ?? 'authenticated') !== 'public';
}

/** Units on the $default route whose guarded routes the gateway cannot single out: carve checks their tokens alone. */
export function unguardedAtGateway(app: App, units: readonly BuiltUnit[]): string[] {
  if (!gatewayJwt(app)) return [];
  return units.filter((u) => httpRoutes(u, units) === 'default' && u.routes.some((r) => needsPrincipal(app, r))).map((u) => (
    `${u.name} is the HTTP API's $default route: the gateway cannot tell its public routes from the guarded ones, so carve alone checks its tokens (microservices or nanoservices put the JWT authorizer in front of each guarded route)`
  ));
}
