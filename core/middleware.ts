import type { CarveRequest, CarveResponse } from './request.js';

/**
 * Runs around every request of an app, outermost first. Errors thrown by handlers have already
 * become problem responses by the time `next()` resolves, so a middleware sees (and may decorate) them.
 */
export type Middleware = (request: CarveRequest, next: () => Promise<CarveResponse>) => Promise<CarveResponse>;

export function compose(middleware: readonly Middleware[], last: (request: CarveRequest) => Promise<CarveResponse>) {
  return middleware.reduceRight<(request: CarveRequest) => Promise<CarveResponse>>(
    (next, layer) => (request) => layer(request, () => next(request)),
    last,
  );
}
