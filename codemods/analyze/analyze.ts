import { relative } from 'node:path';
import { Node, SyntaxKind, type CallExpression, type Expression, type SourceFile } from 'ts-morph';
import { foldConstantMounts } from './constant-mounts.js';
import { conditionsOf, conditionText, type Condition } from './conditions.js';
import { constantString } from './constant-strings.js';
import { declarationsOf, routableKind } from './express-bindings.js';
import { handlerFeatures } from './features.js';
import { loadProject } from './project.js';
import { AnalyzeError, type Analysis, type RouteInfo, type Warning } from './types.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

type PathArg = { kind: 'literal'; values: string[] } | { kind: 'regex'; text: string } | { kind: 'dynamic'; text: string };
type Op =
  | { kind: 'route'; method: string; path: PathArg; handlers: Expression[]; node: Node; order: number }
  | { kind: 'use'; path?: PathArg | undefined; targets: Expression[]; node: Node; order: number }
  | { kind: 'param'; name: string; fn: Expression; node: Node; order: number };

interface Routable {
  kind: 'app' | 'router';
  decl: Node;
  ops: Op[];
  mounted: boolean;
}

/**
 * Finds every route of the Express app(s) in `dir`, statically: receivers are resolved through the
 * TypeScript checker (so `db.get(sql)` is never a route), mounts are followed across files (CJS, ESM,
 * TypeScript `paths`), and middleware order and param scoping are kept as Express applies them.
 */
export function analyze(dir: string): Analysis {
  return analyzeProject(dir).analysis;
}

/** The analysis plus what a transform needs: each route's handler function and the root apps. */
export interface ProjectAnalysis {
  analysis: Analysis;
  handlers: Map<RouteInfo, HandlerFunction>;
  /** Each route's middleware expressions, in the order of `route.middleware` (a param() loader's is its function). */
  middleware: Map<RouteInfo, (Expression | undefined)[]>;
  /** The error middleware that would answer a route's errors, in the order Express tries them (`route.errorHandlers`). */
  errorMiddleware: Map<RouteInfo, Expression[]>;
  /** The root Express app declarations (not mounted by another), with the file they live in. */
  roots: Node[];
  /** Every app and router declaration. */
  routables: Node[];
  /** How each route runs as it is, through `carve/compat/express`: what is in front of it, and its router or registration. */
  carriers: Map<RouteInfo, Carrier>;
}

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

export function analyzeProject(dir: string): ProjectAnalysis {
  const { files, skipped } = loadProject(dir);
  const warnings: Warning[] = [];
  const where = (node: Node) => ({ file: relative(dir, node.getSourceFile().getFilePath()), line: node.getStartLineNumber() });
  const warn = (code: string, node: Node, message: string) => warnings.push({ code, ...where(node), message });
  for (const { file, reason } of skipped) warnings.push({ code: 'SKIPPED_FILE', file, line: 1, message: `${file} is ${reason} and names express: not read; analyze its sources instead` });

  const routables = new Map<Node, Routable>();
  const settingsOf = new Map<Routable, CallExpression[]>();
  for (const file of files) {
    // `const router = express.Router()`, and class fields: `public router = Router()`.
    for (const variable of [...file.getDescendantsOfKind(SyntaxKind.VariableDeclaration), ...file.getDescendantsOfKind(SyntaxKind.PropertyDeclaration)]) {
      // `var app = module.exports = express()`: the value of the assignment.
      let init = variable.getInitializer();
      while (init && Node.isBinaryExpression(init) && init.getOperatorToken().getKind() === SyntaxKind.EqualsToken) init = init.getRight();
      const kind = init && (Node.isCallExpression(init) || Node.isNewExpression(init)) ? routableKind(init) : undefined;
      if (kind) routables.set(variable, { kind, decl: variable, ops: [], mounted: false });
    }
    // `this.app = express()` in a constructor.
    for (const assignment of file.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      const right = assignment.getRight();
      const left = assignment.getLeft();
      if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || !Node.isPropertyAccessExpression(left) || !(Node.isCallExpression(right) || Node.isNewExpression(right))) continue;
      const kind = routableKind(right);
      const field = left.getSymbol()?.getDeclarations().find((d) => Node.isPropertyDeclaration(d));
      if (kind && field && !routables.has(field)) routables.set(field, { kind, decl: field, ops: [], mounted: false });
    }
  }
  if (![...routables.values()].some((r) => r.kind === 'app')) {
    throw new AnalyzeError(`${dir}: no Express app found (no \`express()\` call); nothing to analyze`);
  }

  // Registrations, in source order, on whatever routable each receiver resolves to.
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const positionOf = (node: Node) => (fileIndex.get(node.getSourceFile()) ?? files.length) * 1e9 + node.getStart();
  // A registration inside `function (app) {…}` happens where that function is called (`require('./routes')(app)`
  // between two app.use calls): its order is the call's, plus its place inside the function.
  const orderOf = (receiver: Node, at: Node, depth = 0): number => {
    const root = Node.isPropertyAccessExpression(receiver) ? receiver.getExpression() : receiver;
    const decl = depth < 4 && Node.isIdentifier(root) ? declarationsOf(root)[0] : undefined;
    const args = decl && Node.isParameterDeclaration(decl) ? argumentsOf(decl) : [];
    if (args.length !== 1) return positionOf(at);
    const fn = decl!.getParent()!;
    return orderOf(args[0]!, args[0]!.getParentOrThrow(), depth + 1) + (0.5 * (at.getStart() - fn.getStart())) / (fn.getWidth() + 1);
  };
  for (const file of files) {
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      // The method name's position orders a chain (x.route(p).get(a).post(b)) as written.
      const order = orderOf(Node.isPropertyAccessExpression(callee) ? (routeChain(callee.getExpression())?.receiver ?? callee.getExpression()) : callee, Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : call);
      if (Node.isElementAccessExpression(callee)) {
        if (resolveRoutables(callee.getExpression(), routables).length > 0) warn('DYNAMIC_ROUTE', call, `computed registration ${callee.getText()}(…): routes are not known statically and stay in the legacy app`);
        continue;
      }
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const name = callee.getName();
      const chain = routeChain(callee.getExpression());
      if (chain && METHODS.has(name)) {
        for (const r of resolveRoutables(chain.receiver, routables)) r.ops.push({ kind: 'route', method: name, path: pathArg(chain.path), handlers: call.getArguments() as Expression[], node: call, order });
        continue;
      }
      const targets = resolveRoutables(callee.getExpression(), routables);
      if (targets.length === 0) continue;
      const args = call.getArguments() as Expression[];
      if (METHODS.has(name) && args.length >= 2) {
        for (const r of targets) r.ops.push({ kind: 'route', method: name, path: pathArg(args[0]!), handlers: args.slice(1), node: call, order });
      } else if (name === 'use' && args.length > 0) {
        const first = args[0]!;
        const hasPath = constantString(first) !== undefined || Node.isRegularExpressionLiteral(first)
          || (Node.isArrayLiteralExpression(first) && first.getElements().every((e) => Node.isStringLiteral(e)));
        // A constant table proves its own key is a mount path, whatever the key is called.
        const folded = hasPath ? undefined : foldConstantMounts(call);
        if (folded) {
          for (const r of targets) folded.forEach((row, i) => r.ops.push({ kind: 'use', path: pathArg(row.path), targets: [row.target], node: call, order: order + i / folded.length }));
          continue;
        }
        const pathLike = !hasPath && (Node.isPropertyAccessExpression(first) || Node.isElementAccessExpression(first)) && /path|url|prefix/i.test(first.getText());
        if (pathLike) warn('DYNAMIC_MOUNT', call, `${callee.getText()}(${first.getText()}, …): the mount path is not a constant; its routes stay in the legacy app`);
        for (const r of targets) r.ops.push({ kind: 'use', path: hasPath ? pathArg(first) : pathLike ? { kind: 'dynamic', text: first.getText() } : undefined, targets: hasPath || pathLike ? args.slice(1) : args, node: call, order });
      } else if ((name === 'set' || name === 'engine') && args.length === 2) {
        // Settings (views, view engine, trust proxy) and template engines: what res.render and req.ip read.
        for (const r of targets) if (r.kind === 'app') settingsOf.set(r, [...(settingsOf.get(r) ?? []), call]);
      } else if (name === 'param' && args.length === 2 && Node.isStringLiteral(args[0]!)) {
        for (const r of targets) r.ops.push({ kind: 'param', name: (args[0] as Node & { getLiteralValue(): string }).getLiteralValue(), fn: args[1]!, node: call, order });
      } else if (name === 'map' || name === 'resource') {
        warn('DYNAMIC_ROUTE', call, `${callee.getText()}(…) registers routes through a custom helper; they stay in the legacy app`);
      }
    }
  }

  for (const r of routables.values()) r.ops.sort((a, b) => a.order - b.order);

  // Mount targets: which routables are mounted somewhere (the rest of the apps are roots).
  for (const r of routables.values()) {
    for (const op of r.ops) if (op.kind === 'use') for (const t of op.targets) for (const m of mountedRoutables(t, routables)) m.mounted = true;
  }
  // Routers mounted under a computed path, or handed to a wrapper (`app.use(vhost('example.com', main))`): their
  // routes answer only where that decides at run time. They are in the inventory, each with that reason.
  const dynamicVia = new Map<Routable, string>();
  for (const r of routables.values()) {
    for (const op of r.ops) {
      if (op.kind !== 'use') continue;
      for (const t of op.targets) {
        const direct = mountedRoutables(t, routables);
        if (op.path?.kind === 'dynamic') for (const m of direct) dynamicVia.set(m, `mounted under ${op.path.text}, a path not known statically`);
        if (direct.length > 0 || !Node.isCallExpression(t)) continue;
        for (const arg of t.getArguments()) {
          for (const m of resolveRoutables(arg, routables)) {
            m.mounted = true;
            dynamicVia.set(m, `mounted through ${label(t)}, which decides at run time which requests reach it`);
          }
        }
      }
    }
  }
  const roots = [...routables.values()].filter((r) => r.kind === 'app' && !r.mounted);

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
  }
  const errorMiddlewareOf = new Map<RouteInfo, Expression[]>();
  for (const [route, scopes] of errorScopes) {
    const covering = scopes.flatMap((s) => s.list.slice(s.from)).filter((e) => route.path === e.path || route.path.startsWith(`${e.path === '/' ? '' : e.path}/`));
    route.errorHandlers = covering.map((e) => e.name);
    errorMiddlewareOf.set(route, covering.map((e) => e.node!));
    // A mounted router's own error middleware runs inside it; the compat layer re-creates only the ancestors'.
    const carrier = carrierOf.get(route);
    if (carrier) carrier.errors = covering.filter((e) => !carrier.mount || e.owner?.decl !== carrier.owner).map((e) => e.node!);
  }

  warnings.push(...sharedState(handlerOf, dir));
  const groups = new Map<string, string[]>();
  for (const r of routes) groups.set(r.group, [...(groups.get(r.group) ?? []), `${r.method} ${r.path}`]);
  warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
  return { analysis: { routes, groups: [...groups].map(([name, list]) => ({ name, routes: list })), warnings }, handlers: handlerOf, middleware: middlewareOf, errorMiddleware: errorMiddlewareOf, carriers: carrierOf, roots: roots.map((r) => r.decl), routables: [...routables.keys()] };
}

/** `x.route('/p').get(a)` → the base receiver and the route path. */
function routeChain(expr: Node): { receiver: Node; path: Expression } | undefined {
  let node = expr;
  while (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    if (callee.getName() === 'route') {
      const path = node.getArguments()[0];
      return path ? { receiver: callee.getExpression(), path: path as Expression } : undefined;
    }
    node = callee.getExpression();
  }
  return undefined;
}

/** The routables an expression denotes: a variable, a parameter whose callers pass one, or an alias. */
function resolveRoutables(expr: Node, routables: Map<Node, Routable>, depth = 0): Routable[] {
  // `this.router.get(…)`: a class field.
  if (depth <= 5 && Node.isPropertyAccessExpression(expr)) {
    return (expr.getSymbol()?.getDeclarations() ?? []).filter((d) => routables.has(d)).map((d) => routables.get(d)!);
  }
  if (depth > 5 || !Node.isIdentifier(expr)) return [];
  const out: Routable[] = [];
  for (const decl of declarationsOf(expr)) {
    const direct = routables.get(decl);
    if (direct) out.push(direct);
    else if (Node.isParameterDeclaration(decl)) {
      // registerRoutes(app): follow every call site's argument
      for (const arg of argumentsOf(decl)) out.push(...resolveRoutables(arg, routables, depth + 1));
    } else if (Node.isVariableDeclaration(decl)) {
      const init = decl.getInitializer();
      if (init) out.push(...mountedRoutables(init as Expression, routables, depth + 1));
    } else if (Node.isExportAssignment(decl)) {
      out.push(...resolveRoutables(decl.getExpression(), routables, depth + 1));
    } else if (Node.isBinaryExpression(decl)) {
      out.push(...resolveRoutables(decl.getRight(), routables, depth + 1));
    } else if (Node.isPropertyAssignment(decl) || Node.isShorthandPropertyAssignment(decl)) {
      const init = Node.isPropertyAssignment(decl) ? decl.getInitializer() : decl.getNameNode();
      if (init) out.push(...resolveRoutables(init, routables, depth + 1));
    }
  }
  return [...new Set(out)];
}

/** What the calls of a parameter's function pass for it: `registerRoutes(app)`, `require('./routes')(app, passport)`. */
export function argumentsOf(param: Node): Node[] {
  const fn = param.getParent() as Node & { getParameters(): Node[] };
  const index = fn.getParameters().indexOf(param);
  const nameNode = Node.isFunctionDeclaration(fn) ? fn.getNameNode() : Node.isVariableDeclaration(fn.getParent()) ? (fn.getParent() as Node & { getNameNode(): Node }).getNameNode() : undefined;
  const calls = nameNode && Node.isIdentifier(nameNode)
    ? referencesOf(nameNode).map((ref) => ref.getParentIfKind(SyntaxKind.CallExpression))
    : isModuleExports(fn.getParent()) ? requireCallsOf(fn.getSourceFile()) : [];
  return calls.map((call) => call?.getArguments()[index]).filter((arg): arg is Node => !!arg);
}

const isModuleExports = (node: Node | undefined) => !!node && Node.isBinaryExpression(node) && node.getLeft().getText() === 'module.exports';

/** The calls of a module's exported function straight off its require: `require('./routes')(app)`. */
const requireCalls = new WeakMap<SourceFile, CallExpression[]>();
function requireCallsOf(file: SourceFile): CallExpression[] {
  let found = requireCalls.get(file);
  if (found) return found;
  found = [];
  for (const other of file.getProject().getSourceFiles()) {
    if (other.isInNodeModules() || !other.getFullText().includes('require(')) continue;
    for (const call of other.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (Node.isCallExpression(callee) && callee.getExpression().getText() === 'require' && requiredFile(callee) === file) found.push(call);
    }
  }
  requireCalls.set(file, found);
  return found;
}

// Finding references asks the language service across the project; a function's callers are asked for once.
const references = new WeakMap<Node, Node[]>();
function referencesOf(name: Node & { findReferencesAsNodes(): Node[] }): Node[] {
  let found = references.get(name);
  if (!found) references.set(name, (found = name.findReferencesAsNodes()));
  return found;
}

/** What a `use()` argument mounts: a router or sub-app, directly, through a factory call, or a require. */
function mountedRoutables(expr: Expression, routables: Map<Node, Routable>, depth = 0): Routable[] {
  if (depth > 6) return [];
  if (Node.isIdentifier(expr)) return resolveRoutables(expr, routables, depth);
  if (Node.isPropertyAccessExpression(expr)) {
    const symbol = expr.getSymbol();
    const decls = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])];
    return decls.flatMap((d) => (routables.has(d) ? [routables.get(d)!] : Node.isPropertySignature(d) ? implementedRoutables(d, routables) : Node.isPropertyAssignment(d) || Node.isBinaryExpression(d) || Node.isShorthandPropertyAssignment(d) || Node.isVariableDeclaration(d)
      ? resolveRoutables(Node.isBinaryExpression(d) ? d.getRight() : Node.isPropertyAssignment(d) ? d.getInitializerOrThrow() : d.getNameNode(), routables, depth + 1) : []));
  }
  if (Node.isCallExpression(expr)) {
    const callee = expr.getExpression();
    if (callee.getText() === 'require') {
      const file = requiredFile(expr);
      return file ? exportedRoutables(file, routables, depth) : [];
    }
    // A factory: getRouter(), require('./routes/users')({ config }) → whatever it returns.
    const fn = Node.isCallExpression(callee) && callee.getExpression().getText() === 'require' ? exportedFunction(callee) : functionOf(callee as Expression);
    const body = fn?.getBody();
    if (!body) return [];
    const returned = Node.isBlock(body) ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement).map((r) => r.getExpression()).filter((e): e is Expression => !!e) : [body as Expression];
    return returned.flatMap((e) => mountedRoutables(e, routables, depth + 1));
  }
  return [];
}

/**
 * `routes.forEach((route) => app.use('/', route.router))` with `route: Routes`, an interface: the `router`
 * field of every class that implements it (`class UserRoute implements Routes { public router = Router() }`).
 */
function implementedRoutables(member: Node, routables: Map<Node, Routable>): Routable[] {
  const iface = member.getParent();
  if (!iface || !Node.isInterfaceDeclaration(iface)) return [];
  const name = (member as Node & { getName(): string }).getName();
  return iface.getImplementations().flatMap((impl) => {
    const cls = impl.getNode().getFirstAncestorByKind(SyntaxKind.ClassDeclaration) ?? impl.getNode();
    const field = Node.isClassDeclaration(cls) ? cls.getProperty(name) : undefined;
    return field && routables.has(field) ? [routables.get(field)!] : [];
  });
}

function requiredFile(call: CallExpression): SourceFile | undefined {
  const arg = call.getArguments()[0];
  if (!arg || !Node.isStringLiteral(arg)) return undefined;
  const symbol = arg.getSymbol() ?? call.getType().getSymbol();
  const decl = symbol?.getDeclarations()[0];
  return decl?.getSourceFile();
}

/** What a module exports as a whole: `module.exports = x`'s x, `export default x`'s x, or the default-exported declarations. */
function exportedValues(file: SourceFile): Node[] {
  const assigned = file.getDescendantsOfKind(SyntaxKind.BinaryExpression).find((b) => b.getLeft().getText() === 'module.exports');
  if (assigned) return [assigned.getRight()];
  return (file.getDefaultExportSymbol()?.getDeclarations() ?? []).map((d) => (Node.isExportAssignment(d) ? d.getExpression() : d));
}

/** `module.exports = function () {…}` or `export default function`, of a required file. */
function exportedFunction(call: CallExpression): HandlerFunction | undefined {
  const file = requiredFile(call);
  const value = file && exportedValues(file)[0];
  return value && functionOf(value);
}

function exportedRoutables(file: SourceFile, routables: Map<Node, Routable>, depth: number): Routable[] {
  return exportedValues(file).flatMap((v) => (routables.has(v) ? [routables.get(v)!] : resolveRoutables(v, routables, depth + 1)));
}

export type HandlerFunction = Node & { getParameters(): Node[]; getBody(): Node | undefined };

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

export function functionOf(expr: Node): HandlerFunction | undefined {
  if (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr) || Node.isFunctionDeclaration(expr) || Node.isMethodDeclaration(expr)) return expr as never;
  if (Node.isIdentifier(expr) || Node.isPropertyAccessExpression(expr)) {
    const symbol = expr.getSymbol();
    const decls = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])];
    for (const d of decls) {
      if (Node.isFunctionDeclaration(d) || Node.isMethodDeclaration(d)) return d as never;
      // CommonJS `exports.list = function …`: the declaration is the `exports.list` on the left.
      const assigned = Node.isPropertyAccessExpression(d) && Node.isBinaryExpression(d.getParent()) ? (d.getParent() as Node & { getRight(): Node }).getRight() : undefined;
      // A class-field arrow function too: `public getUsers = async (req, res, next) => {…}`.
      const init = Node.isVariableDeclaration(d) || Node.isPropertyAssignment(d) || Node.isPropertyDeclaration(d) ? d.getInitializer() : Node.isBinaryExpression(d) ? d.getRight() : assigned;
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) return init as never;
    }
  }
  return undefined;
}

function pathArg(expr: Expression): PathArg {
  const constant = constantString(expr);
  if (constant !== undefined) return { kind: 'literal', values: [constant] };
  if (Node.isArrayLiteralExpression(expr) && expr.getElements().every((e) => Node.isStringLiteral(e))) {
    return { kind: 'literal', values: expr.getElements().map((e) => (e as unknown as { getLiteralValue(): string }).getLiteralValue()) };
  }
  if (Node.isRegularExpressionLiteral(expr) || (Node.isNewExpression(expr) && expr.getExpression().getText() === 'RegExp')) return { kind: 'regex', text: expr.getText() };
  return { kind: 'dynamic', text: expr.getText() };
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

export function label(expr: Node): string {
  if (Node.isFunctionExpression(expr) && expr.getName()) return expr.getName()!;
  if (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr)) return `<inline:${expr.getStartLineNumber()}>`;
  const text = expr.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Module-level mutable values used by the handlers of two or more groups: they break when split. */
function sharedState(handlerOf: Map<RouteInfo, Node>, dir: string): Warning[] {
  const groupsOf = new Map<Node, Set<string>>();
  for (const [route, fn] of handlerOf) {
    for (const id of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
      for (const decl of declarationsOf(id)) {
        if (!Node.isVariableDeclaration(decl) || !isModuleLevel(decl) || !isMutable(decl)) continue;
        // Globals such as Error are `declare var` in TypeScript's lib files: not the app's state.
        if (decl.getSourceFile().isDeclarationFile() || decl.getSourceFile().isInNodeModules()) continue;
        groupsOf.set(decl, (groupsOf.get(decl) ?? new Set()).add(route.group));
      }
    }
  }
  return [...groupsOf].filter(([, groups]) => groups.size > 1).map(([decl, groups]) => ({
    code: 'SHARED_STATE',
    file: relative(dir, decl.getSourceFile().getFilePath()),
    line: decl.getStartLineNumber(),
    message: `${(decl as Node & { getName(): string }).getName()} is module state that groups ${[...groups].sort().join(', ')} all use: split apart, each unit would have its own copy`,
  }));
}

function isModuleLevel(decl: Node): boolean {
  return decl.getFirstAncestorByKind(SyntaxKind.VariableStatement)?.getParent() === decl.getSourceFile();
}

function isMutable(decl: Node): boolean {
  if (!Node.isVariableDeclaration(decl)) return false;
  const kind = decl.getVariableStatement()?.getDeclarationKind();
  if (kind === 'let' || kind === 'var') return true;
  const init = decl.getInitializer();
  return !!init && ((Node.isNewExpression(init) && /^(Map|Set|WeakMap|Array)$/.test(init.getExpression().getText()))
    || Node.isArrayLiteralExpression(init) || Node.isObjectLiteralExpression(init));
}
