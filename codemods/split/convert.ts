import { Node, SyntaxKind, type PropertyAccessExpression } from 'ts-morph';
import type { HandlerFunction } from '../analyze/analyze.js';
import type { RouteInfo } from '../analyze/types.js';
import { compiledDefault } from './interop.js';
import { freeName } from './names.js';
import { moduleSpecifier, resolveSpecifier } from './paths.js';

/**
 * A value the moved code takes from a module of the legacy app (a db, a store, a config object). It
 * becomes a DI token in the shared deps module, so each group injects it and a test can replace it.
 */
export interface SharedBinding {
  /** The module's file. */
  file: string;
  /** `default` (an ESM default import or a whole CommonJS module), or the exported name. */
  binding: string;
  /** Whether the module is required (CommonJS), so its named exports are read off the module object. */
  cjs: boolean;
  /** The name the moved code uses for it. */
  local: string;
  /** A default export of a module that may run compiled to CommonJS (interop.ts). */
  compiled?: boolean | undefined;
}

export interface ConvertedRoute extends Rewritten {
  ok: true;
  carvePath: string;
}

/** Why a route stays in the legacy app: a code to sort and count by, and the words for a person. */
export interface Stay {
  ok: false;
  code: RemainderCode;
  reason: string;
}

export type RemainderCode =
  | 'UNRESOLVED_HANDLER' | 'UNSUPPORTED_RESPONSE' | 'IMPLICIT_DEPENDENCY' | 'CROSS_ROUTE_NEXT' | 'MIDDLEWARE' | 'PATH_SYNTAX'
  | 'NO_RESPONSE' | 'PASSES_REQUEST' | 'REQUEST_FIELD' | 'RESPONSE_FLOW' | 'ERROR_MIDDLEWARE' | 'LOCAL_DEPENDENCY' | 'DYNAMIC_MOUNT' | 'SHARED_STATE' | 'CONDITIONAL';

export type Conversion = ConvertedRoute | Stay;

export const stay = (code: RemainderCode, reason: string): Stay => ({ ok: false, code, reason });

/** The analysis blockers' codes: the same as the warnings analyze gives for them. */
export function blockerCode(blocker: string): RemainderCode {
  if (blocker.startsWith('res.')) return 'UNSUPPORTED_RESPONSE';
  if (blocker.startsWith('implicit dependency')) return 'IMPLICIT_DEPENDENCY';
  if (blocker.startsWith('falls through')) return 'CROSS_ROUTE_NEXT';
  if (blocker.startsWith('mounted ')) return 'DYNAMIC_MOUNT';
  if (blocker.startsWith('the path ')) return 'PATH_SYNTAX';
  if (blocker.startsWith('registered only when')) return 'CONDITIONAL';
  if (blocker.startsWith('middleware ')) return 'MIDDLEWARE';
  return 'UNRESOLVED_HANDLER';
}

const BODY_PARSERS = /^(express\.(json|urlencoded|text|raw)\(|bodyParser\.)/;
const REQ_FIELDS: Record<string, [input: string, suffix: string]> = {
  params: ['params', ''], query: ['query', ''], body: ['body', ''], headers: ['request', '.headers'],
  method: ['request', '.method'], path: ['request', '.path'], ip: ['request', '.sourceIp'],
};
const INPUTS = ['params', 'query', 'body', 'request', 'locals'] as const;
/** Express's own request properties: a middleware that assigns one changes how Express serves the request. */
const EXPRESS_REQUEST_API = new Set(['url', 'originalUrl', 'baseUrl', 'hostname', 'host', 'protocol', 'secure', 'ips', 'subdomains', 'xhr', 'cookies', 'signedCookies', 'fresh', 'stale', 'route', 'app', 'res', 'socket', 'next']);
const TERMINALS = new Set(['json', 'send', 'sendStatus']);
/** What the generated Express res stand-in (`expressResponse`) has, and which of it answers. */
const EXPRESS_RES_METHODS = new Set(['status', 'set', 'header', 'append', 'get', 'location', 'cookie', 'clearCookie', 'json', 'send', 'sendStatus', 'redirect']);
const ANSWERS = new Set(['json', 'send', 'sendStatus', 'redirect']);

/** A middleware function rewritten as a guard: it answers early (a result or a throw) or returns undefined to go on. */
export interface ConvertedGuard extends Rewritten {
  ok: true;
}

/** What a rewritten function body needs, shared by handlers and guards. */
export interface Rewritten {
  /** The function's body, req/res use rewritten to SDK input and results. */
  code: string;
  /** The handler input it uses (`params`, `request`, …). */
  inputs: string[];
  /** The name each input goes by in the code: itself, or `bodyInput` when the code has its own `body`. */
  aliases: Record<string, string>;
  /** Every name the code binds or reads, so what is added around it does not clash. */
  taken: Set<string>;
  imports: string[];
  helpers: string[];
  deps: SharedBinding[];
  usesBody: boolean;
  /** It may throw or reject (or called next(err)): errors answer as Express's default handler would. */
  expressErrors: boolean;
  /** Request state it reads and sets (`req.user`, `res.locals.user`, `req.course`): `locals.user` in the converted code. */
  reads: string[];
  writes: string[];
  /** Which of that state it reaches as `req.user`, and which as `res.locals.user`: one route's chain may not use both for one name. */
  reqState: string[];
  resLocals: string[];
}

/**
 * One route as a carve handler's body, or the reason it stays in the legacy app. Only what is plainly
 * safe converts: plain `:param` paths, req fields the SDK has (and request state its chain sets), answers
 * from the handler's own body, and next(err) as a statement. Middleware other than body parsers must
 * convert as guards (`guards`, in chain order); a route that can fail needs its error middleware converted
 * too (`errorGuards`, in the order Express tries them), and otherwise keeps Express's default status rule.
 */
export function convertRoute(route: RouteInfo, fn: HandlerFunction, outFile: string, guards: (ConvertedGuard | Stay)[] = [], errorGuards: (ConvertedErrorGuard | Stay)[] = [],
  labels = route.middleware.filter((m) => !isBodyParser(m))): Conversion {
  const refused = guards.findIndex((g) => !g.ok);
  // What the chain's middleware sets on req, in order: later middleware and the handler may read it.
  const provided = new Set<string>();
  if (refused < 0) {
    for (const [i, guard] of (guards as ConvertedGuard[]).entries()) {
      const unset = guard.reads.find((name) => !provided.has(name));
      if (unset) return stay('REQUEST_FIELD', `middleware ${labels[i]} reads ${stateLabel(guard, unset)}, which nothing before it in the chain sets`);
      for (const name of guard.writes) provided.add(name);
    }
  }
  const blockers = route.blockers.filter((b) => !provided.has(/^implicit dependency req\.(\w+)$/.exec(b)?.[1] ?? ''));
  if (blockers.length > 0) return stay(blockerCode(blockers[0]!), blockers.join('; '));
  if (refused >= 0) return stay('MIDDLEWARE', `middleware ${labels[refused]} cannot come along: ${(guards[refused] as Stay).reason}`);
  if (/[*?(){}]/.test(route.path)) return stay('PATH_SYNTAX', `path ${route.path} is not plain :param syntax`);
  const rewritten = rewriteFunction(fn, outFile, 'handler');
  if (!rewritten.ok) return rewritten;
  const unset = rewritten.reads.find((name) => !provided.has(name));
  if (unset) return stay('REQUEST_FIELD', `uses ${stateLabel(rewritten, unset)}, which no middleware in its chain sets`);
  const converted = guards as ConvertedGuard[];
  const chain = [...converted, rewritten];
  const both = chain.flatMap((f) => f.reqState).find((name) => chain.some((f) => f.resLocals.includes(name)));
  if (both) return stay('REQUEST_FIELD', `its chain uses both req.${both} and res.locals.${both}, which would be one in the converted code`);
  const expressErrors = rewritten.expressErrors || converted.some((g) => g.expressErrors);
  if (expressErrors) {
    // Its errors go to the app's error middleware, converted too, or the route stays with it.
    const refusedHandler = errorGuards.findIndex((g) => !g.ok);
    if (refusedHandler >= 0) return stay('ERROR_MIDDLEWARE', `its errors go to the error middleware ${route.errorHandlers[refusedHandler]}, which cannot come along: ${(errorGuards[refusedHandler] as Stay).reason}`);
    const unsetByChain = (errorGuards as ConvertedErrorGuard[]).flatMap((g, i) => g.reads.filter((name) => !provided.has(name)).map((name) => `${route.errorHandlers[i]} reads ${stateLabel(g, name)}`))[0];
    if (unsetByChain) return stay('ERROR_MIDDLEWARE', `its error middleware ${unsetByChain}, which nothing in the chain sets`);
  }
  return { ...rewritten, expressErrors, usesBody: rewritten.usesBody || converted.some((g) => g.usesBody), carvePath: route.path.replace(/:(\w+)/g, '{$1}') };
}

/** A middleware `(req, res, next)` as a guard, or why it cannot be one. */
export function convertGuard(fn: HandlerFunction, outFile: string, paramName?: string): ConvertedGuard | Stay {
  const arity = fn.getParameters().length;
  if (paramName ? arity < 3 || arity > 4 : arity !== 3) return stay('MIDDLEWARE', paramName ? 'it does not take (req, res, next, value)' : 'it does not take (req, res, next)');
  return rewriteFunction(fn, outFile, 'guard', paramName);
}

export const isBodyParser = (label: string) => BODY_PARSERS.test(label);

type Role = 'handler' | 'guard' | 'errors';

/** An error middleware `(err, req, res, next)` as an error guard: it answers the error, or throws to pass it on. */
export function convertErrorHandler(fn: HandlerFunction, outFile: string): ConvertedErrorGuard | Stay {
  if (fn.getParameters().length !== 4) return stay('ERROR_MIDDLEWARE', 'it does not take (err, req, res, next)');
  const rewritten = rewriteFunction(fn, outFile, 'errors');
  if (!rewritten.ok) return rewritten;
  const param = fn.getParameters()[0] as Node & { getName(): string; getTypeNode(): Node | undefined };
  return { ...rewritten, error: param.getName(), errorType: param.getTypeNode()?.getText() };
}

/** An error middleware rewritten: `error` is the name its code gives the error. */
export interface ConvertedErrorGuard extends Rewritten {
  ok: true;
  error: string;
  /** The error's TypeScript annotation, kept as written. */
  errorType: string | undefined;
}

function rewriteFunction(fn: HandlerFunction, outFile: string, role: Role, paramName?: string): (Rewritten & { ok: true }) | Stay {
  const names = fn.getParameters().map((p) => (p as Node & { getName(): string }).getName());
  // An error middleware takes the error first: (err, req, res, next).
  const [req, res, next, value] = role === 'errors' ? names.slice(1) : names;
  const body = fn.getBody();
  if (!body || !res) return stay('NO_RESPONSE', 'the handler never responds');

  const bare = body.getDescendantsOfKind(SyntaxKind.Identifier).find((id) => (id.getText() === req || id.getText() === res)
    && id.getParentIfKind(SyntaxKind.PropertyAccessExpression)?.getExpression() !== id && id.getSymbol()?.getDeclarations()[0]?.getParent() === fn);
  if (bare) return stay('PASSES_REQUEST', `passes ${bare.getText()} on to other code (${bare.getParent()!.getText().slice(0, 40)})`);

  const taken = new Set(body.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => !isPropertyName(id)).map((id) => id.getText()));
  const inputName = Object.fromEntries(INPUTS.map((name) => [name, taken.has(name) ? freeName(`${name}Input`, taken) : name]));
  const usedInputs = new Set<string>();
  const edits: Edit[] = [];
  const reads = new Set<string>();
  const writes = new Set<string>();
  let usesBody = false;
  // A param() loader's value argument is that route parameter.
  if (paramName && value) {
    for (const id of body.getDescendantsOfKind(SyntaxKind.Identifier)) {
      if (id.getText() !== value || isPropertyName(id) || id.getSymbol()?.getDeclarations()[0]?.getParent() !== fn) continue;
      usedInputs.add('params');
      edits.push({ start: id.getStart(), end: id.getEnd(), text: `${inputName['params']}.${paramName}` });
    }
  }

  // res.locals.user, set by one middleware for what runs after it, is request state as req.user is: locals.user.
  const resLocals = new Set<string>();
  const resLocalsFields = body.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((access) => isResLocals(access.getExpression(), res));
  for (const access of resLocalsFields) {
    const name = access.getName();
    (isAssigned(access) ? writes : reads).add(name);
    resLocals.add(name);
    usedInputs.add('locals');
    edits.push({ start: access.getStart(), end: access.getEnd(), text: `${inputName['locals']}.${name}` });
  }
  const reqState = new Set<string>();
  for (const access of body.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
    const base = access.getExpression();
    if (!Node.isIdentifier(base) || base.getText() !== req) continue;
    const name = access.getName();
    const call = access.getParentIfKind(SyntaxKind.CallExpression);
    if (name === 'get' && call?.getExpression() === access) {
      const [arg] = call.getArguments();
      if (!arg) return stay('REQUEST_FIELD', 'req.get() without a header name');
      const header = Node.isStringLiteral(arg) ? JSON.stringify(arg.getLiteralValue().toLowerCase()) : `String(${arg.getText()}).toLowerCase()`;
      usedInputs.add('request');
      edits.push({ start: call.getStart(), end: call.getEnd(), text: `${inputName['request']}.headers[${header}]` });
      continue;
    }
    const mapped = REQ_FIELDS[name];
    const assigned = isAssigned(access);
    if (!mapped) {
      // Request state a middleware sets for the routes after it (req.user, req.course): per-request locals.
      if (call?.getExpression() === access) return stay('REQUEST_FIELD', `calls req.${name}()`);
      if (assigned && EXPRESS_REQUEST_API.has(name)) return stay('REQUEST_FIELD', `assigns req.${name}, which changes how Express serves the request`);
      if (resLocals.has(name)) return stay('REQUEST_FIELD', `uses both req.${name} and res.locals.${name}, which would be one in the converted code`);
      (assigned ? writes : reads).add(name);
      reqState.add(name);
      usedInputs.add('locals');
      edits.push({ start: access.getStart(), end: access.getEnd(), text: `${inputName['locals']}.${name}` });
      continue;
    }
    if (assigned) return stay('REQUEST_FIELD', `assigns req.${name}`);
    if (name === 'body') usesBody = true;
    usedInputs.add(mapped[0]);
    edits.push({ start: access.getStart(), end: access.getEnd(), text: `${inputName[mapped[0]]}${mapped[1]}` });
  }

  // The `res` of each res.locals.x rewritten above is not a response.
  const localsOwners = new Set<Node>(resLocalsFields.map((access) => (access.getExpression() as PropertyAccessExpression).getExpression()));
  const statements = rewriteResponses(body, fn, res, next, edits, role, localsOwners);
  if (!('edits' in statements)) return statements;
  if (role === 'handler' && statements.helpers.size === 0 && !statements.nextErrors) return stay('NO_RESPONSE', 'the handler never responds through res');
  const expressErrors = statements.nextErrors || body.getDescendantsOfKind(SyntaxKind.ThrowStatement).length > 0 || body.getDescendantsOfKind(SyntaxKind.AwaitExpression).length > 0;

  const moved = freeIdentifiers(body, fn, outFile);
  if (!('imports' in moved)) return moved;

  // A rewrite inside a replaced statement is already part of its text.
  const outside = edits.filter((e) => !statements.edits.some((r) => e.start >= r.start && e.end <= r.end));
  let code = applyEdits(body.getText(), body.getStart(), [...outside, ...statements.edits]);
  if (!Node.isBlock(body) && !statements.throwsAlone) code = `{\n  return ${code};\n}`;
  // A guard that falls off its end goes on to the next in the chain, as Express does after next().
  else if (role === 'guard' && Node.isBlock(body) && !statements.endsInNext) code = code.replace(/\n?\}$/, '\n  return undefined;\n}');
  if (statements.expressRes) {
    usedInputs.add('request');
    code = `{\n  const ${res} = expressResponse(${inputName['request']});${code.slice(1)}`;
  }
  return {
    ok: true, code,
    inputs: INPUTS.filter((name) => usedInputs.has(name)), aliases: inputName, taken,
    imports: moved.imports, deps: moved.deps, helpers: [...statements.helpers], usesBody, expressErrors,
    reads: [...reads].filter((name) => !writes.has(name)).sort(), writes: [...writes].sort(),
    reqState: [...reqState].sort(), resLocals: [...resLocals].sort(),
  };
}

/** How the legacy code names a piece of request state: `req.user` or `res.locals.user`. */
const stateLabel = (f: Rewritten, name: string) => (f.resLocals.includes(name) ? `res.locals.${name}` : `req.${name}`);

/** `res.locals` of the function's own `res`. */
function isResLocals(node: Node, res: string | undefined): boolean {
  if (!Node.isPropertyAccessExpression(node) || node.getName() !== 'locals') return false;
  const base = node.getExpression();
  return Node.isIdentifier(base) && base.getText() === res;
}

/** The left side of a plain `=`. */
function isAssigned(access: Node): boolean {
  const assignment = access.getParentIfKind(SyntaxKind.BinaryExpression);
  return assignment?.getLeft() === access && assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Each `res.…` response and `next(err)` as a statement returning a result or throwing, or why not. */
function rewriteResponses(body: Node, fn: Node, res: string, next: string | undefined, edits: Edit[], role: Role, localsOwners: Set<Node>): { edits: Edit[]; helpers: Set<string>; nextErrors: boolean; throwsAlone: boolean; endsInNext: boolean; expressRes: boolean } | Stay {
  const rewritten: Edit[] = [];
  const helpers = new Set<string>();
  let nextErrors = false;
  let throwsAlone = false;
  let endsInNext = false;
  const standsAlone = (expression: Node) => {
    const holder = expression.getParent();
    const alone = holder !== undefined && (Node.isExpressionStatement(holder) || Node.isReturnStatement(holder) || holder === fn);
    return alone && enclosingFunction(expression) === fn ? holder : undefined;
  };
  const identifiers = body.getDescendantsOfKind(SyntaxKind.Identifier);
  if (Node.isIdentifier(body)) identifiers.unshift(body);
  // Anything past status().json|send and sendStatus (set, cookie, redirect, a status of its own) runs on a
  // stand-in for Express's res, the calls kept as written.
  const resChains = new Map(identifiers
    .filter((id) => id.getText() === res && id.getParentIfKind(SyntaxKind.PropertyAccessExpression)?.getExpression() === id)
    .filter((id) => !localsOwners.has(id))
    .map((id) => {
      const calls = methodChain(id);
      return [id, { calls, plain: calls && plainAnswer(calls) }] as const;
    }));
  const expressRes = [...resChains.values()].some(({ plain }) => !plain);
  if (expressRes) {
    for (const [id, { calls }] of resChains) {
      const unknown = calls ? calls.names.find((name) => !EXPRESS_RES_METHODS.has(name)) : id.getParent()!.getText();
      if (unknown !== undefined) return stay('RESPONSE_FLOW', `uses res.${unknown.replace(/^\w+\./, '')} in a way carve split does not convert`);
      if (enclosingFunction(calls!.outer) !== fn) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
      if (role === 'guard' && !ANSWERS.has(calls!.names.at(-1)!)) return stay('RESPONSE_FLOW', 'writes to the response without answering, which carve split does not carry into the handler');
      if (calls!.names.includes('cookie') && /\bsigned\s*:/.test(calls!.outer.getText())) return stay('RESPONSE_FLOW', 'sets a signed cookie, which needs cookie-parser\'s secret');
    }
    helpers.add('expressResponse');
  }
  for (const id of identifiers) {
    if (id.getText() === next && next !== undefined) {
      const call = id.getParentIfKind(SyntaxKind.CallExpression);
      if (role === 'errors' && call?.getExpression() === id && call.getArguments().length === 0) return stay('ERROR_MIDDLEWARE', 'calls next() without the error, which Express takes as handled');
      if (role === 'guard' && call?.getExpression() === id && call.getArguments().length === 0) {
        // next() goes on to the handler: a guard returns undefined there, if nothing runs after it.
        const holder = standsAlone(call);
        if (!holder || (holder !== fn && !Node.isReturnStatement(holder) && !inTailPosition(holder, body))) return stay('MIDDLEWARE', 'runs code after next(), which carve split does not reorder');
        endsInNext ||= holder !== fn && holder.getParent() === body;
        rewritten.push(holder === fn ? { start: call.getStart(), end: call.getEnd(), text: 'undefined' } : { start: holder.getStart(), end: holder.getEnd(), text: 'return undefined;' });
        continue;
      }
      const [arg, ...rest] = call?.getExpression() === id ? call.getArguments() : [];
      const holder = call && arg && rest.length === 0 ? standsAlone(call) : undefined;
      if (!call || !arg || !holder) return stay('PASSES_REQUEST', 'passes next on in a way carve split does not convert');
      nextErrors = true;
      throwsAlone ||= holder === fn;
      const thrown = `throw ${applyEdits(arg.getText(), arg.getStart(), edits)};`;
      // `(req, res, next) => next(err)`: the arrow's whole body becomes a block that throws.
      rewritten.push({ start: holder === fn ? call.getStart() : holder.getStart(), end: holder === fn ? call.getEnd() : holder.getEnd(), text: holder === fn ? `{\n  ${thrown}\n}` : thrown });
      continue;
    }
    const resChain = resChains.get(id);
    if (!resChain) continue;
    if (expressRes) {
      const calls = resChain.calls!;
      const answers = ANSWERS.has(calls.names.at(-1)!);
      if (!answers) continue; // status, set, cookie…: kept as written, on the Express res stand-in
      const holder = standsAlone(calls.outer);
      if (!holder) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
      const text = applyEdits(calls.outer.getText(), calls.outer.getStart(), edits);
      rewritten.push(holder === fn ? { start: calls.outer.getStart(), end: calls.outer.getEnd(), text } : { start: holder.getStart(), end: holder.getEnd(), text: `return ${text};` });
      continue;
    }
    const chain = resChain.plain;
    if (!chain) return stay('RESPONSE_FLOW', `uses ${id.getParent()!.getText().slice(0, 40)} in a way carve split does not convert`);
    const holder = standsAlone(chain.outer);
    if (!holder) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
    // Arguments keep their own req → SDK rewrites.
    const arg = chain.arg ? applyEdits(chain.arg.getText(), chain.arg.getStart(), edits) : undefined;
    const status = chain.status ? applyEdits(chain.status.getText(), chain.status.getStart(), edits) : undefined;
    const text = chain.terminal === 'json' ? `json(${[arg, status].filter(Boolean).join(', ')})`
      : chain.terminal === 'send' ? `send(${[arg ?? 'undefined', status].filter(Boolean).join(', ')})`
        : `sendStatus(${arg})`;
    helpers.add(chain.terminal);
    rewritten.push(holder === fn ? { start: chain.outer.getStart(), end: chain.outer.getEnd(), text } : { start: holder.getStart(), end: holder.getEnd(), text: `return ${text};` });
  }
  return { edits: rewritten, helpers, nextErrors, throwsAlone, endsInNext, expressRes };
}

/** Nothing runs after `statement` in `body`: it is the last statement of each block up to it (if branches allowed). */
function inTailPosition(statement: Node, body: Node): boolean {
  let node = statement;
  while (node !== body) {
    const parent = node.getParent();
    if (!parent) return false;
    if (Node.isBlock(parent)) {
      if (parent.getStatements().at(-1) !== node) return false;
    } else if (!Node.isIfStatement(parent)) {
      return false;
    }
    node = parent;
  }
  return true;
}

/** `text` (which starts at `offset` in its file) with the edits that fall inside it applied. */
export function applyEdits(text: string, offset: number, edits: Edit[]): string {
  let out = text;
  const inside = edits.filter((e) => e.start >= offset && e.end <= offset + text.length).sort((a, b) => b.start - a.start);
  for (const edit of inside) out = out.slice(0, edit.start - offset) + edit.text + out.slice(edit.end - offset);
  return out;
}

/** `res.status(201).json(x)`, `res.send(x)`, `res.sendStatus(204)`: a chain that becomes a plain result, or undefined. */
function plainAnswer(chain: MethodChain): { outer: Node; terminal: string; arg?: Node | undefined; status?: Node | undefined } | undefined {
  const last = chain.calls.at(-1)!;
  const statuses = chain.calls.slice(0, -1);
  if (statuses.some((c) => c.name !== 'status' || c.args.length !== 1)) return undefined;
  const status = statuses.at(-1)?.args[0];
  if (!TERMINALS.has(last.name) || last.args.length > 1 || (last.name === 'sendStatus' && (status || last.args.length !== 1))) return undefined;
  return { outer: chain.outer, terminal: last.name, arg: last.args[0], status };
}

interface MethodChain {
  calls: { name: string; args: Node[] }[];
  /** The method names, in order. */
  names: string[];
  outer: Node;
}

/** `res.status(201).set('a', 'b').json(x)`: the methods called, in order, and the outermost call. */
function methodChain(id: Node): MethodChain | undefined {
  const calls: MethodChain['calls'] = [];
  let node: Node | undefined = id.getParent();
  while (node && Node.isPropertyAccessExpression(node)) {
    const call = node.getParentIfKind(SyntaxKind.CallExpression);
    if (!call || call.getExpression() !== node) return undefined; // a property read: res.locals, res.headersSent
    calls.push({ name: node.getName(), args: call.getArguments() });
    const outer = call.getParent();
    if (!outer || !Node.isPropertyAccessExpression(outer) || outer.getExpression() !== call) return { calls, names: calls.map((c) => c.name), outer: call };
    node = outer;
  }
  return undefined;
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
}

/**
 * What the moved code needs from outside itself: imports (packages, functions, classes, types) and
 * shared values of the app's own modules (which become DI tokens), or why it cannot move (it uses
 * something defined beside the routes).
 */
function freeIdentifiers(body: Node, fn: Node, outFile: string): { imports: string[]; deps: SharedBinding[] } | Stay {
  const imports = new Set<string>();
  const deps = new Map<string, SharedBinding>();
  for (const id of body.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (isPropertyName(id)) continue;
    // `{ books }` names the property; the value it reads is the variable's symbol.
    const shorthand = id.getParentIfKind(SyntaxKind.ShorthandPropertyAssignment);
    const decl = (shorthand ? shorthand.getValueSymbol() : id.getSymbol())?.getDeclarations()[0];
    if (!decl) continue;
    const file = decl.getSourceFile();
    if (file.isInNodeModules() || file.isDeclarationFile() || isInside(decl, fn)) continue;
    const name = id.getText();
    const shared = (binding: string, target: string, cjs: boolean, compiled?: boolean) => deps.set(name, { file: target, binding, cjs, local: name, compiled });

    const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    if (importDecl) {
      const source = importDecl.getModuleSpecifierSourceFile();
      const ownModule = source && !source.isInNodeModules() && !source.isDeclarationFile();
      const typeOnly = importDecl.isTypeOnly() || (Node.isImportSpecifier(decl) && decl.isTypeOnly());
      if (ownModule && !typeOnly && !Node.isNamespaceImport(decl) && isValue(id)) {
        const binding = Node.isImportSpecifier(decl) ? decl.getName() : 'default';
        shared(binding, source.getFilePath(), false, binding === 'default' && compiledDefault(source));
      } else {
        imports.add(rewriteImport(importDecl.getText(), file.getFilePath(), outFile));
      }
      continue;
    }
    const variable = Node.isBindingElement(decl) ? decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : Node.isVariableDeclaration(decl) ? decl : undefined;
    const required = variable?.getInitializer();
    if (!variable || !required || !Node.isCallExpression(required) || required.getExpression().getText() !== 'require') {
      return stay('LOCAL_DEPENDENCY', `uses ${name}, defined beside the routes in ${file.getBaseName()}; move it to a module of its own`);
    }
    const spec = (required.getArguments()[0] as Node & { getLiteralValue?(): string }).getLiteralValue?.();
    if (!spec) return stay('LOCAL_DEPENDENCY', `uses ${name}, required dynamically`);
    if (spec.startsWith('.') && isValue(id)) {
      const binding = Node.isBindingElement(decl) ? (decl.getPropertyNameNode()?.getText() ?? decl.getName()) : 'default';
      shared(binding, resolveSpecifier(spec, file.getFilePath()), true);
    } else {
      const bindings = variable.getNameNode().getText();
      imports.add(`import ${bindings.startsWith('{') ? bindings : name} from '${moduleSpecifier(spec, file.getFilePath(), outFile)}';`);
    }
  }
  return { imports: [...imports], deps: [...deps.values()] };
}

/** `x` in `a.x` and `{ x: 1 }`: a name, not a reference to a binding. */
export function isPropertyName(id: Node): boolean {
  const parent = id.getParent();
  return (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === id);
}

/** A value, not code: functions, classes and namespaces stay plain imports. */
function isValue(id: Node): boolean {
  const type = id.getType();
  return type.getCallSignatures().length === 0 && type.getConstructSignatures().length === 0;
}

export function isInside(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd() && node.getSourceFile() === container.getSourceFile();
}

export function rewriteImport(text: string, fromFile: string, outFile: string): string {
  return text.replace(/(['"])(\.[^'"]*)\1/, (_m, q: string, spec: string) => `${q}${moduleSpecifier(spec, fromFile, outFile)}${q}`);
}
