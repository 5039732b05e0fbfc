import type { App, Handler } from 'carve';
import { jsonSchemaOf } from 'carve/adapter';
import type { BuiltUnit, RouteRef } from 'carve/build';
import { httpRoutes, withHead } from './routes.js';
import { chooseApi, type ApiType } from './api-type.js';
import type { GatewaySettings } from './settings.js';

/** The API stage: `--stage`, else HTTP API's `$default` (no path prefix) or, for a REST API, which must name one, `dev`. */
export const stageName = (type: ApiType, stage: string | undefined) => stage ?? (type === 'http' ? '$default' : 'dev');

/** What the gateway does for one route: from the handler ids the settings name. */
export interface RouteFeatures {
  apiKey: boolean;
  cacheSeconds?: number | undefined;
  /** The path and query parameters the gateway's cache tells answers apart by. */
  cacheKeys?: string[] | undefined;
  throttle?: { rateLimit: number; burstLimit: number } | undefined;
}

const sameRoute = (handler: Handler, route: RouteRef) => handler.path === route.path && (handler.method === route.method || (handler.method === 'GET' && route.method === 'HEAD'));

/**
 * The features of a route (HEAD with its GET, but for the cache), from the settings that name its handler; worked out
 * once a route (the files ask for each route several times, and a cached one's keys come from its query schema).
 */
export function routeFeatures(app: App, gateway: GatewaySettings): (route: RouteRef) => RouteFeatures {
  const known = new Map<string, RouteFeatures>();
  return (route) => {
    const key = `${route.method} ${route.path}`;
    let features = known.get(key);
    if (!features) known.set(key, (features = featuresOf(app, gateway, route)));
    return features;
  };
}

function featuresOf(app: App, gateway: GatewaySettings, route: RouteRef): RouteFeatures {
  const handler = app.handlers.find((h) => sameRoute(h, route));
  const id = handler?.id;
  const keys = gateway.apiKeys;
  const cacheSeconds = id !== undefined && route.method === 'GET' ? gateway.cache[id] : undefined;
  return {
    apiKey: keys !== undefined && (keys.routes === 'all' || (id !== undefined && keys.routes.includes(id))),
    ...(cacheSeconds !== undefined ? { cacheSeconds, cacheKeys: cacheKeysOf(handler!) } : {}),
    ...(id !== undefined && gateway.throttle?.routes[id] ? { throttle: gateway.throttle.routes[id] } : {}),
  };
}

/** Whether a route has anything of its own at the gateway (so it needs a route of its own there). */
const hasOwnFeatures = (f: RouteFeatures) => f.cacheSeconds !== undefined || f.throttle !== undefined || f.apiKey;

/**
 * The routes a unit gets at the gateway: its own; or, for the one that answers every route, the catch-all, plus (when
 * it is the only unit) its routes that have features of their own: the gateway keys, caches and throttles a route it knows.
 */
export function gatewayRoutes(unit: BuiltUnit, units: readonly BuiltUnit[], features: (route: RouteRef) => RouteFeatures): { catchAll: boolean; routes: RouteRef[] } {
  const routes = httpRoutes(unit, units);
  if (routes !== 'default') return { catchAll: false, routes };
  if (units.length > 1) return { catchAll: true, routes: [] };
  return { catchAll: true, routes: withHead(unit.routes).filter((r) => hasOwnFeatures(features(r))) };
}

/**
 * The paths a REST API's catch-all unit answers: the root, every path below it, and every path another route makes a
 * resource of (a REST API answers a method a resource lacks with its own 403, never the catch-all), so carve still
 * answers 404, 405 and OPTIONS everywhere.
 */
export function restCatchAllPaths(units: readonly BuiltUnit[], features: (route: RouteRef) => RouteFeatures): string[] {
  const explicit = new Set<string>();
  const any = new Set<string>();
  for (const unit of units) {
    for (const r of gatewayRoutes(unit, units, features).routes) {
      explicit.add(r.path);
      if (r.method === 'ANY') any.add(r.path);
    }
  }
  return ['/', '/{proxy+}', ...[...explicit].filter((path) => path !== '/' && !any.has(path))];
}

/** Path parameters, then the query keys the handler's query schema names: what a cached answer depends on. */
function cacheKeysOf(handler: Handler): string[] {
  const path = [...handler.path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\+?\}/g)].map((m) => `method.request.path.${m[1]}`);
  const query = handler.spec.query ? Object.keys((jsonSchemaOf(handler.spec.query, 'input') as { properties?: Record<string, unknown> }).properties ?? {}) : [];
  return [...path, ...query.map((q) => `method.request.querystring.${q}`)];
}

/**
 * A REST API's resources are a tree with one variable part per level (`/courses/{code}` and `/courses/{id}/grades`
 * cannot both be, nor `/{slug}` beside carve's catch-all `/{proxy+}`): CloudFormation would refuse the stack.
 */
function checkRestPaths(app: App): void {
  const variableAt = new Map<string, string>([['', '{proxy+}']]);
  for (const h of app.handlers) {
    const segments = h.path.split('/').filter(Boolean);
    segments.forEach((segment, i) => {
      if (!segment.startsWith('{')) return;
      const parent = segments.slice(0, i).join('/');
      const other = variableAt.get(parent);
      if (other === undefined) variableAt.set(parent, segment);
      else if (other !== segment) {
        const where = other === '{proxy+}' ? "carve's catch-all /{proxy+}" : `/${parent ? `${parent}/` : ''}${other}`;
        throw new Error(`a REST API has one variable path part per level, and ${h.method} ${h.path} (${h.id}) puts ${segment} beside ${where}: name the parameter alike, or use an HTTP API`);
      }
    });
  }
}

/**
 * Refuses settings the app cannot have, before anything is written: a type that lacks a feature asked for, a handler
 * id no handler has, a cached route that is not a public GET (the gateway's cache would hand one caller's answer to
 * another: it does not key on the Authorization header).
 */
export function checkGateway(app: App, gateway: GatewaySettings): void {
  if (chooseApi(gateway).type === 'rest') checkRestPaths(app);
  const ids = new Map(app.handlers.map((h) => [h.id, h]));
  const plans = Object.entries(gateway.apiKeys?.plans ?? {});
  const named: [string, readonly string[]][] = [
    ['throttle.routes', Object.keys(gateway.throttle?.routes ?? {})],
    ['apiKeys.routes', gateway.apiKeys && gateway.apiKeys.routes !== 'all' ? gateway.apiKeys.routes : []],
    ...plans.map(([plan, { routes }]): [string, string[]] => [`apiKeys.plans.${plan}.routes`, Object.keys(routes)]),
    ['cache', Object.keys(gateway.cache)],
  ];
  for (const [setting, list] of named) {
    const unknown = list.find((id) => !ids.has(id));
    if (unknown !== undefined) throw new Error(`aws.gateway.${setting}: no handler has the id "${unknown}" (${app.name} has ${[...ids.keys()].slice(0, 8).join(', ')}${ids.size > 8 ? ', …' : ''})`);
  }
  for (const [plan, { routes }] of plans) {
    const unkeyed = Object.keys(routes).find((id) => gateway.apiKeys!.routes !== 'all' && !gateway.apiKeys!.routes.includes(id));
    if (unkeyed !== undefined) throw new Error(`aws.gateway.apiKeys.plans.${plan}.routes.${unkeyed}: ${unkeyed} takes no API key (aws.gateway.apiKeys.routes), so no usage plan meters it`);
  }
  for (const id of Object.keys(gateway.cache)) {
    const handler = ids.get(id)!;
    if (handler.method !== 'GET') throw new Error(`aws.gateway.cache.${id}: only GET routes are cached, and ${id} is ${handler.method} ${handler.path}`);
    if ((handler.spec.auth ?? 'authenticated') !== 'public') {
      throw new Error(`aws.gateway.cache.${id}: ${handler.method} ${handler.path} needs a caller, and the gateway's cache does not tell callers apart: it would hand one caller's answer to another (cache public routes only)`);
    }
  }
}
