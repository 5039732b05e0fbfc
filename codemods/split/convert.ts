import { Node, SyntaxKind } from 'ts-morph';
import type { HandlerFunction } from '../analyze/routables.js';
import type { RouteInfo } from '../analyze/types.js';
import { freeIdentifiers, isPropertyName } from './free-identifiers.js';
import { freeName } from './names.js';
import { rewriteRequest } from './request-rewrite.js';
import { rewriteResponses } from './response-rewrite.js';
import { stay, type RemainderCode, type Role, type SharedBinding, type Stay } from './stay.js';
import { applyEdits, type Edit } from './text-edits.js';

export interface ConvertedRoute extends Rewritten {
  ok: true;
  carvePath: string;
}

export type Conversion = ConvertedRoute | Stay;

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
const INPUTS = ['params', 'query', 'body', 'request', 'locals'] as const;

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
  const edits: Edit[] = [];
  const request = rewriteRequest(body, fn, { req, res, value, paramName }, inputName, edits);
  if (!('usedInputs' in request)) return request;
  const { usedInputs, reads, writes, reqState, resLocals, localsOwners, usesBody } = request;
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

