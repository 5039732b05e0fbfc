import type { App, GatewayAuth } from 'carve';
import type { BuiltUnit, RouteRef } from 'carve/build';
import type { ApiType } from './api-type.js';
import { httpRoutes } from './routes.js';

/** The HTTP API JWT authorizer carve puts in front of the routes that need a principal. */
export const AUTHORIZER = 'CarveJwt';
/** A REST API's Cognito user pool authorizer, when the app's tokens come from a user pool. */
export const COGNITO_AUTHORIZER = 'CarveCognito';

/** The user pool of a Cognito issuer (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
export function cognitoPool(issuer: string): { region: string; poolId: string } | undefined {
  const match = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9-]+_[A-Za-z0-9]+)\/?$/.exec(issuer);
  return match ? { region: match[1]!, poolId: match[2]! } : undefined;
}

/** The pool's ARN in the stack's account and partition (an issuer names neither). */
export const userPoolArn = ({ region, poolId }: { region: string; poolId: string }) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:cognito-idp:${region}:\${AWS::AccountId}:userpool/${poolId}`,
});

/** The Cognito user pool a REST API's authorizer checks tokens against: the app's gateway JWT, when a pool issued it. */
export function restCognitoPool(app: App): { region: string; poolId: string } | undefined {
  const jwt = gatewayJwt(app);
  return jwt ? cognitoPool(jwt.issuer) : undefined;
}

/**
 * The JWT the gateway can check for this app: when its one authenticator is a `jwtAuth` the gateway can verify itself
 * (a JWKS, an https issuer, an audience). With other authenticators beside it, a caller they admit would be refused
 * at the gateway, so carve checks every credential itself.
 */
export function gatewayJwt(app: App): GatewayAuth['jwt'] | undefined {
  const [only, ...others] = app.authenticators;
  return others.length === 0 ? only?.gateway?.jwt : undefined;
}

/**
 * The authorizer a route gets where the gateway can check the token and the route needs a principal: an HTTP API's JWT
 * authorizer, or a REST API's Cognito authorizer for tokens from a user pool.
 */
export function authorizerOf(app: App, type: ApiType): (route: RouteRef) => string | undefined {
  const name = gatewayAuthorizer(app, type);
  return (route) => (name && needsPrincipal(app, route) ? name : undefined);
}

/** The authorizer this API type can put in front of the app's guarded routes, if any. */
function gatewayAuthorizer(app: App, type: ApiType): string | undefined {
  if (type === 'http') return gatewayJwt(app) ? AUTHORIZER : undefined;
  return restCognitoPool(app) ? COGNITO_AUTHORIZER : undefined;
}

/** Whether the route's handler needs a principal (HEAD as its GET). */
function needsPrincipal(app: App, route: RouteRef): boolean {
  const method = route.method === 'HEAD' ? 'GET' : route.method;
  const handler = app.handlers.find((h) => h.method === method && h.path === route.path);
  return handler !== undefined && (handler.spec.auth ?? 'authenticated') !== 'public';
}

/** Units on the catch-all route whose guarded routes the gateway cannot single out: carve checks their tokens alone. */
export function unguardedAtGateway(app: App, units: readonly BuiltUnit[], type: ApiType): string[] {
  if (!gatewayAuthorizer(app, type)) return [];
  const route = type === 'http' ? "the HTTP API's $default route" : "the REST API's catch-all ({proxy+})";
  return units.filter((u) => httpRoutes(u, units) === 'default' && u.routes.some((r) => needsPrincipal(app, r))).map((u) => (
    `${u.name} is ${route}: the gateway cannot tell its public routes from the guarded ones, so carve alone checks its tokens (microservices or nanoservices put the authorizer in front of each guarded route)`
  ));
}
