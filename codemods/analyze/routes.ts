import { Node, type CallExpression, type Expression } from 'ts-morph';
import { conditionsOf, conditionText, type Condition } from './conditions.js';
import { handlerFeatures } from './features.js';
import { functionOf, label, mountedRoutables, type HandlerFunction, type Routable } from './routables.js';
import type { RouteInfo, Warn } from './types.js';

/**
 * A route as the compat layer re-creates it: the middleware in front of it (path-scoped ones with their full
 * path), then either the mount of the router that holds it (its prefix, and the expression the parent mounts)
 * or, for a route on the root app, its own registration; then the error middleware that answers its errors.
 */
export interface Carrier {
  /** What runs in front, with the conditions it is registered under (`if (debug) app.use(logger)`). */
  front: { path?: string | undefined; node: Expression; when?: Condition[] | undefined }[];
  mount?: { path: string; target: Expression } | undefined;
  registration?: { method: string; path: string; handlers: Expression[] } | undefined;
  errors?: Expression[] | undefined;
  /** The routable the route is registered on. */
  owner: Node;
  /** Earlier registrations on the same routable that may match the route's path and pass the request on. */
  passedBy?: { method: string; path: string; handlers: Expression[] }[] | undefined;
  /** `app.param(name, fn)` of the routable a root-registered route is on, for the params its path has. */
  params?: { name: string; fn: Expression }[] | undefined;
  /** The app's `set(…)` and `engine(…)` calls, which its routes' res.render and req.ip depend on. */
  settings?: CallExpression[] | undefined;
}

export interface WalkedRoutes {
  routes: RouteInfo[];
  handlerOf: Map<RouteInfo, HandlerFunction>;
  middlewareOf: Map<RouteInfo, (Expression | undefined)[]>;
  errorMiddlewareOf: Map<RouteInfo, Expression[]>;
  carrierOf: Map<RouteInfo, Carrier>;
}

/**
 * The routes pass: walks the mount tree from each root app (the one that owns the most routes first, in `roots`),
 * composing paths, the middleware chain and params as Express applies them, then the routers only a computed mount
 * reaches; and for each route the error middleware that answers its errors, innermost first.
 */
export function walkRoutes(roots: Routable[], routables: Map<Node, Routable>, dynamicVia: Map<Routable, string>, settingsOf: Map<Routable, CallExpression[]>,
  warn: Warn, where: (node: Node) => { file: string; line: number }): WalkedRoutes {
  const routes: RouteInfo[] = [];
  const handlerOf = new Map<RouteInfo, HandlerFunction>();
  const middlewareOf = new Map<RouteInfo, (Expression | undefined)[]>();
  const seen = new Set<string>();
  // Error middleware catches what the routes of its own router and of routers below it pass on.
  // It covers a route registered before it in its own router, or in a router mounted before it: innermost first.
  const errorScopes = new Map<RouteInfo, ErrorScope[]>();
  const carrierOf = new Map<RouteInfo, Carrier>();
  const walked = new Set<Routable>();
  const walk = (routable: Routable, prefix: string, inherited: Mw[], scopes: (Mw & { path: string })[], outerErrors: ErrorScope[], mount?: Carrier['mount'], outerFront: Carrier['front'] = [], outerWhen: Condition[] = []) => {
    walked.add(routable);
    const ownErrors: (Mw & { path: string; owner?: Routable | undefined })[] = [];
    // What runs in front, as the compat layer re-creates it: the ancestors' middleware, then this routable's own
    // (which, for a mounted router, runs inside the router itself).
    const front: Carrier['front'] = [];
    const here = (): ErrorScope[] => [{ list: ownErrors, from: ownErrors.length }, ...outerErrors];
    const middleware = [...inherited];
    const scoped = [...scopes];
    const params = new Map<string, Expression>();
    // Routes that pass the request on (`app.all('/user/:id/:op?', load)` calling next()): a later route whose path
    // they may match needs them first (the request state they set), so they come along in front of it.
    const passers: { method: string; path: string; handlers: Expression[]; prefix: string }[] = [];
    for (const op of routable.ops) if (op.kind === 'param') params.set(op.name, op.fn);
    for (const op of routable.ops) {
      if (op.kind === 'param') continue;
      if (op.kind === 'use') {
        if (op.path?.kind === 'dynamic') continue;
        if (op.path?.kind === 'regex') {
          warn('REGEX_PATH', op.node, `mount on a regular expression ${op.path.text}: stays in the legacy app`);
          continue;
        }
        const mountPaths = op.path?.kind === 'literal' ? op.path.values : [''];
        for (const target of op.targets) {
          const mounted = mountedRoutables(target, routables);
          if (mounted.length > 0) {
            for (const m of mounted) for (const p of mountPaths) walk(m, joinPath(prefix, p), middleware, scoped, here(), { path: joinPath(prefix, p), target }, [...outerFront, ...front], [...outerWhen, ...conditionsOf(op.node)]);
            continue;
          }
          const fn = functionOf(target);
          if (fn && fn.getParameters().length === 4) {
            warn('ERROR_MIDDLEWARE', op.node, `error handler ${label(target)}: carve answers errors as problem+json; routes moved to carve no longer pass through it`);
            for (const p of mountPaths) ownErrors.push({ name: label(target), node: target, path: joinPath(prefix, p), owner: routable });
            continue;
          }
          if (/^express\.static\(/.test(target.getText())) {
            warn('STATIC', op.node, `${target.getText()} serves files: it stays in the legacy app`);
            continue;
          }
          const isTerminal = fn && fn.getParameters().length === 2 && op === routable.ops.at(-1);
          if (isTerminal) {
            warn('NOT_FOUND_HANDLER', op.node, `${label(target)} answers whatever no route matched: it stays in the legacy app`);
            continue;
          }
          const name = label(target);
          const when = conditionsOf(op.node);
          if (op.path?.kind === 'literal') for (const p of mountPaths) scoped.push({ path: joinPath(prefix, p), name, node: target, when });
          else middleware.push({ name, node: target, when });
          if (op.path?.kind === 'literal') for (const p of mountPaths) front.push({ path: joinPath(prefix, p), node: target, when });
          else front.push({ node: target, when });
        }
        continue;
      }
      if (op.path.kind !== 'literal') {
        const kind = op.path.kind === 'regex' ? 'a regular expression (params would be numbered)' : 'not a constant';
        const why = `the path ${op.path.text} is ${kind}`;
        warn(op.path.kind === 'regex' ? 'REGEX_PATH' : 'DYNAMIC_ROUTE', op.node, `${op.method.toUpperCase()} ${op.path.text}: the path is ${kind}; it stays in the legacy app`);
        // In the inventory all the same, with its reason: a route nobody can see is a route a split loses.
        const shown = `${prefix}${op.path.kind === 'regex' ? op.path.text : `<${op.path.text}>`}`;
        const route: RouteInfo = { method: op.method === 'all' ? 'ANY' : op.method.toUpperCase(), path: shown, ...where(op.node), middleware: [...middleware, ...scoped.filter((sc) => sc.path === prefix)].map((m) => m.name),
          uses: [], group: groupOf(prefix || 'root'), blockers: [why], errorHandlers: [] };
        routes.push(route);
        // What runs in front of it (a session middleware it shares with routes that could move), as far as a path that is not known can say.
        const ahead = [...outerFront, ...(mount ? [] : front)].filter((f) => f.path === undefined || prefix === f.path || prefix.startsWith(`${f.path === '/' ? '' : f.path}/`));
        carrierOf.set(route, { front: ahead, mount, owner: routable.decl, registration: undefined, passedBy: undefined, params: undefined });
        continue;
      }
      const handlers = op.handlers.flatMap((h) => (Node.isArrayLiteralExpression(h) ? (h.getElements() as Expression[]) : [h]));
      const last = handlers.at(-1)!;
      for (const raw of op.path.values) {
        const { path, express4 } = modernPath(raw);
        if (express4) warn('EXPRESS4_PATH', op.node, `"${raw}" is Express 4 path syntax; carve reads it as "${path}" (wildcards become arrays in Express 5)`);
        const full = joinPath(prefix, path);
        const paramMw = [...full.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((p) => params.has(p) && path.includes(`:${p}`)).map((p): Mw => ({ name: `param:${p}(${label(params.get(p)!)})`, node: params.get(p)! }));
        const pathMw = scoped.filter((s) => full === s.path || full.startsWith(`${s.path === '/' ? '' : s.path}/`));
        const chain = [...middleware, ...pathMw, ...paramMw, ...handlers.slice(0, -1).map((h): Mw => ({ name: label(h), node: h }))];
        const key = `${op.method} ${full} ${where(op.node).file}:${where(op.node).line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const features = handlerFeatures(last);
        for (const w of features.warnings) warn(w.code, op.node, `${op.method.toUpperCase()} ${full}: ${w.message}`);
        // A route registered under a condition exists only when it holds; a middleware in front, only then runs.
        const registeredWhen = [...outerWhen, ...conditionsOf(op.node)];
        const conditional = [
          ...(registeredWhen.length > 0 ? [`registered only when ${conditionText(registeredWhen.map((c) => ({ text: c.node.getText(), negated: c.negated })))}`] : []),
          ...chain.filter((m) => m.when?.length).map((m) => `middleware ${m.name} runs only when ${conditionText(m.when!.map((c) => ({ text: c.node.getText(), negated: c.negated })))}`),
        ];
        const route: RouteInfo = {
          method: op.method === 'all' ? 'ANY' : op.method.toUpperCase(),
          path: full,
          ...where(op.node),
          middleware: chain.map((m) => m.name),
          uses: features.uses,
          group: groupOf(full),
          blockers: [...features.blockers, ...conditional],
          errorHandlers: [],
        };
        errorScopes.set(route, here());
        const ahead = [...outerFront, ...(mount ? [] : front)].filter((f) => f.path === undefined || full === f.path || full.startsWith(`${f.path === '/' ? '' : f.path}/`));
        const passedBy = passers.filter((p) => raw.startsWith(p.prefix)).map(({ method, path, handlers }) => ({ method, path, handlers }));
        if (features.blockers.some((b) => b.startsWith('falls through'))) passers.push({ method: op.method, path: raw, handlers: op.handlers, prefix: raw.split(/[:*(?{]/)[0]! });
        carrierOf.set(route, { front: ahead, mount, owner: routable.decl, registration: mount ? undefined : { method: op.method, path: raw, handlers: op.handlers }, passedBy: mount ? undefined : passedBy,
          params: mount ? undefined : [...params].filter(([name]) => new RegExp(`:${name}\\b`).test(raw)).map(([name, fn]) => ({ name, fn })) });
        routes.push(route);
        if (features.fn) handlerOf.set(route, features.fn);
        middlewareOf.set(route, chain.map((m) => m.node));
      }
    }
  };
  // The app that owns the most routes comes first: it is the legacy app a split mounts (a second app, such as
  // a proxy server in the same repository, is listed too, after it).
  const owned = new Map<Routable, number>();
  for (const root of roots) {
    const before = routes.length;
    walk(root, '', [], [], []);
    owned.set(root, routes.length - before);
    for (const route of routes.slice(before)) {
      const carrier = carrierOf.get(route);
      if (carrier) carrier.settings = settingsOf.get(root) ?? [];
    }
  }
  roots.sort((a, b) => owned.get(b)! - owned.get(a)!);
  for (const [routable, why] of dynamicVia) {
    // Mounted on a constant path too: its routes are already in the inventory there.
    if (walked.has(routable)) continue;
    const before = routes.length;
    walk(routable, '', [], [], []);
    for (const route of routes.slice(before)) {
      route.blockers.push(why);
      route.group = groupOf(route.path);
    }
  }  const errorMiddlewareOf = new Map<RouteInfo, Expression[]>();
  for (const [route, scopes] of errorScopes) {
    const covering = scopes.flatMap((s) => s.list.slice(s.from)).filter((e) => route.path === e.path || route.path.startsWith(`${e.path === '/' ? '' : e.path}/`));
    route.errorHandlers = covering.map((e) => e.name);
    errorMiddlewareOf.set(route, covering.map((e) => e.node!));
    // A mounted router's own error middleware runs inside it; the compat layer re-creates only the ancestors'.
    const carrier = carrierOf.get(route);
    if (carrier) carrier.errors = covering.filter((e) => !carrier.mount || e.owner?.decl !== carrier.owner).map((e) => e.node!);
  }
  return { routes, handlerOf, middlewareOf, errorMiddlewareOf, carrierOf };
}

/** A middleware in a route's chain: its label, and its expression. */
interface Mw {
  name: string;
  node?: Expression | undefined;
  /** The conditions it is registered under, if any. */
  when?: Condition[] | undefined;
}

/** The error middleware of one router, from the index that was not yet registered when a route (or mount) was. */
interface ErrorScope {
  list: (Mw & { path: string; owner?: Routable | undefined })[];
  from: number;
}

/** Express 4 wildcards and optional params, in Express 5 syntax. */
function modernPath(path: string): { path: string; express4: boolean } {
  let out = path;
  if (out === '*' || out === '/*') out = '/*splat';
  out = out.replace(/\/\*$/, '/*splat').replace(/\/:(\w+)\?/g, '{/:$1}').replace(/\.:(\w+)\?/g, '{.:$1}');
  return { path: out, express4: out !== path };
}

function joinPath(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  return joined.length > 1 ? joined.replace(/\/$/, '') || '/' : '/';
}

function groupOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  while (segments.length > 1 && (segments[0] === 'api' || /^v\d+$/.test(segments[0]!))) segments.shift();
  const first = segments.find((s) => !s.startsWith(':') && !s.startsWith('*') && !s.startsWith('{'));
  // A carve resource starts with a letter: `/404` is the resource `route-404`.
  return ((first ?? 'root').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root').replace(/^(?=\d)/, 'route-');
}
