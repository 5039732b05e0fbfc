import type { App, GatewayCors } from 'carve';

/**
 * The CORS an HTTP API answers itself, from the app's `cors()`: preflights never reach a function. Only where the
 * gateway can grant exactly what carve does (`cors()` says: listed origins, and headers listed where credentials are
 * allowed) and the app has one CORS middleware. A REST API leaves CORS to carve, whose catch-all answers every
 * path's OPTIONS.
 */
export function gatewayCors(app: App): GatewayCors | undefined {
  const found = app.middleware.map((m) => m.gateway?.cors).filter((c): c is GatewayCors => c !== undefined);
  return found.length === 1 ? found[0] : undefined;
}

/** SAM's `CorsConfiguration` of an HTTP API. */
export const samCors = (cors: GatewayCors) => ({
  AllowOrigins: cors.allowOrigins, AllowMethods: cors.allowMethods, AllowHeaders: cors.allowHeaders,
  ...(cors.exposeHeaders.length > 0 ? { ExposeHeaders: cors.exposeHeaders } : {}),
  AllowCredentials: cors.allowCredentials, ...(cors.maxAge !== undefined ? { MaxAge: cors.maxAge } : {}),
});

/** serverless.yml's `provider.httpApi.cors`. */
export const serverlessCors = (cors: GatewayCors) => ({
  allowedOrigins: cors.allowOrigins, allowedMethods: cors.allowMethods, allowedHeaders: cors.allowHeaders,
  ...(cors.exposeHeaders.length > 0 ? { exposedResponseHeaders: cors.exposeHeaders } : {}),
  allowCredentials: cors.allowCredentials, ...(cors.maxAge !== undefined ? { maxAge: cors.maxAge } : {}),
});
