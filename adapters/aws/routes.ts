import type { BuiltUnit, RouteRef } from 'carve/build';

export const FALLBACK_UNIT = 'carve-fallback';
/** The scheduled event `toLambdaHandler` answers without running a handler. */
export const WARMUP_EVENT = { carve: 'warmup' };

export const pascal = (name: string) => name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** Which HTTP API routes send requests to a unit: every route (HEAD with GET), all of them for a monolith. */
export function httpRoutes(unit: BuiltUnit, units: readonly BuiltUnit[]): RouteRef[] | 'default' {
  if (unit.name === FALLBACK_UNIT || unit.remainder || units.length === 1) return 'default';
  return withHead(unit.routes);
}

/** The routes as the gateway knows them: each GET with its HEAD, which carve answers as the GET. */
export const withHead = (routes: readonly RouteRef[]): RouteRef[] => routes.flatMap((r) => (r.method === 'GET' ? [r, { method: 'HEAD', path: r.path }] : [r]));
