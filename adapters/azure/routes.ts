import type { HttpMethod } from '@azure/functions';
import { HTTP_METHODS, type Handler } from 'carve';

export interface AzureFunctionPlan {
  /** The function name: `^[a-zA-Z][a-zA-Z0-9_-]{0,127}$`, unique in the app. */
  name: string;
  /** The route template, without the route prefix: `courses/{courseCode}`, `files/{*path}`. */
  route: string;
  methods: HttpMethod[];
  /** The carve routes this function serves. */
  routes: { method: string; path: string }[];
}

export interface PlanOptions {
  /** `routes` (default): one function per route template; `catch-all`: one function, carve routes everything. */
  mode?: 'routes' | 'catch-all' | undefined;
  /** host.json `extensions.http.routePrefix`. Default `api`. */
  routePrefix?: string | undefined;
}

/** A route Azure cannot serve; thrown at build or registration time, never at request time. */
export class AzureRouteError extends Error {
  override readonly name = 'AzureRouteError';
}

const ALL_METHODS: HttpMethod[] = [...HTTP_METHODS];
const NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,127}$/;
const RESERVED = /^(admin|runtime)(\/|$|\{)/i;

/** carve `/files/{path+}` → Azure `files/{*path}`; `/courses/{id}` stays `courses/{id}`. */
export function azureRoute(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\{(\w+)\+\}/g, '{*$1}');
}

/**
 * Which Azure functions serve an app: one per route template, or one catch-all. Every function takes every
 * method, so carve, not the host, answers 405 with `Allow`, HEAD from GET and CORS preflights, the same
 * on every target; and (with a route prefix) a last catch-all lets carve answer unknown paths with its
 * 404 problem. Routes Azure reserves are refused here, at build or registration time.
 */
export function planAzureFunctions(handlers: readonly Handler[], options: PlanOptions = {}): AzureFunctionPlan[] {
  for (const h of handlers) {
    if (RESERVED.test(azureRoute(h.path))) {
      throw new AzureRouteError(`${h.method} ${h.path} (${h.id}): Azure Functions reserves routes starting with "admin" and "runtime"; choose another path`);
    }
  }
  const all = handlers.map((h) => ({ method: h.method, path: h.path }));
  const catchAll: AzureFunctionPlan = { name: 'carve-fallback', route: '{*path}', methods: ALL_METHODS, routes: [] };
  if (options.mode === 'catch-all') return [{ ...catchAll, name: 'carve', routes: all }];

  const byShape = new Map<string, { route: string; routes: { method: string; path: string }[] }>();
  for (const h of handlers) {
    const route = azureRoute(h.path);
    // Templates that differ only in parameter names are one route to the host.
    const shape = route.replace(/\{\*?\w+\}/g, (p) => (p.startsWith('{*') ? '{*}' : '{}'));
    const entry = byShape.get(shape) ?? { route, routes: [] };
    byShape.set(shape, entry);
    entry.routes.push({ method: h.method, path: h.path });
  }
  const used = new Set<string>();
  const plan = [...byShape.values()].map((entry) => {
    const base = functionName(entry.route);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return { name, route: entry.route, methods: ALL_METHODS, routes: entry.routes };
  });
  // Without a route prefix a catch-all would shadow the host's own /admin endpoints (functions-host#2590).
  if (options.routePrefix !== '' && !byShape.has('{*}')) plan.push(catchAll);
  return plan;
}

/** `students/{studentId}/grades` → `students-by-studentId-grades`; the root → `root`. */
export function functionName(route: string): string {
  const words = route.split('/').filter(Boolean).map((s) => s.replace(/^\{\*?(\w+)\}$/, 'by-$1').replace(/[^a-zA-Z0-9_-]+/g, '-'));
  let name = words.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'root';
  if (!/^[a-zA-Z]/.test(name)) name = `fn-${name}`;
  if (name.toLowerCase() === 'host' || RESERVED.test(name)) name = `carve-${name}`;
  name = name.slice(0, 120);
  if (!NAME.test(name)) throw new AzureRouteError(`cannot make a valid Azure function name from route "${route}"`);
  return name;
}
