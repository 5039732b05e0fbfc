import { Node, SyntaxKind, type PropertyAccessExpression } from 'ts-morph';
import { stay, type Stay } from './stay.js';
import { isPropertyName } from './free-identifiers.js';
import type { Edit } from './text-edits.js';

const REQ_FIELDS: Record<string, [input: string, suffix: string]> = {
  params: ['params', ''], query: ['query', ''], body: ['body', ''], headers: ['request', '.headers'],
  method: ['request', '.method'], path: ['request', '.path'], ip: ['request', '.sourceIp'],
};

/** Express's own request properties: a middleware that assigns one changes how Express serves the request. */
const EXPRESS_REQUEST_API = new Set(['url', 'originalUrl', 'baseUrl', 'hostname', 'host', 'protocol', 'secure', 'ips', 'subdomains', 'xhr', 'cookies', 'signedCookies', 'fresh', 'stale', 'route', 'app', 'res', 'socket', 'next']);

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

/** What a function's code takes from the request, once rewritten: the inputs, and the request state it reads and sets. */
export interface RequestUse {
  usedInputs: Set<string>;
  reads: Set<string>;
  writes: Set<string>;
  reqState: Set<string>;
  resLocals: Set<string>;
  usesBody: boolean;
  /** The `res` of each `res.locals.x` rewritten: not a response. */
  localsOwners: Set<Node>;
}

/**
 * The request rewriting pass: `req.params`/`query`/`body`/`headers`/`get()` and the rest Express gives as SDK input,
 * a param() loader's value argument as its route parameter, and request state (`req.user`, `res.locals.user`) as
 * per-request `locals`; edits pushed to `edits`, or why the code cannot be rewritten.
 */
export function rewriteRequest(body: Node, fn: Node, names: { req?: string | undefined; res: string; value?: string | undefined; paramName?: string | undefined },
  inputName: Record<string, string>, edits: Edit[]): RequestUse | Stay {
  const { req, res, value, paramName } = names;
  const usedInputs = new Set<string>();
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

  // The `res` of each res.locals.x rewritten is not a response.
  const localsOwners = new Set<Node>(resLocalsFields.map((access) => (access.getExpression() as PropertyAccessExpression).getExpression()));
  return { usedInputs, reads, writes, reqState, resLocals, usesBody, localsOwners };
}
