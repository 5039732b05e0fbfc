import type { CarveRequest, CarveResponse } from './request.js';

/**
 * Runs around every request of an app, outermost first. Errors thrown by handlers have already
 * become problem responses by the time `next()` resolves, so a middleware sees (and may decorate) them.
 */
export type Middleware = ((request: CarveRequest, next: () => Promise<CarveResponse>) => Promise<CarveResponse>) & {
  /** What a gateway in front can do in its place, where it can do exactly the same (CORS: `cors()` says). */
  readonly gateway?: { readonly cors?: GatewayCors | undefined } | undefined;
};

/** CORS a gateway can answer itself (API Gateway's HTTP API CORS): the same grants `cors()` gives, in the gateway's terms. */
export interface GatewayCors {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAge?: number | undefined;
}

export function compose(middleware: readonly Middleware[], last: (request: CarveRequest) => Promise<CarveResponse>) {
  return middleware.reduceRight<(request: CarveRequest) => Promise<CarveResponse>>(
    (next, layer) => (request) => layer(request, () => next(request)),
    last,
  );
}
