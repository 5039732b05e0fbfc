import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { functionOf, type HandlerFunction } from './routables.js';

const UNSUPPORTED_RESPONSE = new Set(['sendFile', 'download', 'render', 'pipe', 'write', 'format', 'attachment', 'end', 'sendfile']);
const IMPLICIT = new Set(['app', 'session', 'user', 'file', 'files', 'login', 'logout', 'originalUrl', 'baseUrl', 'signedCookies', 'locals']);

export interface Features {
  uses: string[];
  blockers: string[];
  warnings: { code: string; message: string }[];
  fn: HandlerFunction | undefined;
}

/** What a route handler reads from `req`, calls on `res`, and whether it calls `next`. */
export function handlerFeatures(handler: Expression): Features {
  const fn = functionOf(handler);
  if (!fn) return { uses: [], blockers: ['handler not found statically'], warnings: [{ code: 'UNRESOLVED_HANDLER', message: `cannot see the handler ${handler.getText().slice(0, 40)}` }], fn };
  const [req, res, next] = fn.getParameters().map((p) => (p as Node & { getName(): string }).getName());
  const uses = new Set<string>();
  const blockers = new Set<string>();
  const warnings: Features['warnings'] = [];
  const body = fn.getBody();
  for (const access of body?.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression) ?? []) {
    const base = access.getExpression();
    if (!Node.isIdentifier(base)) continue;
    const name = access.getName();
    if (base.getText() === req) {
      uses.add(`req.${name}`);
      if (IMPLICIT.has(name)) blockers.add(`implicit dependency req.${name}`);
    } else if (base.getText() === res) {
      // res.status(201).json(o): every method of the chain counts.
      let node: Node = access;
      for (;;) {
        uses.add(`res.${(node as Node & { getName(): string }).getName()}`);
        if (UNSUPPORTED_RESPONSE.has((node as Node & { getName(): string }).getName())) blockers.add(`res.${(node as Node & { getName(): string }).getName()}`);
        const call = node.getParentIfKind(SyntaxKind.CallExpression);
        const outer = call?.getParentIfKind(SyntaxKind.PropertyAccessExpression);
        if (!outer) break;
        node = outer;
      }
    }
  }
  const calls = body ? [...(Node.isCallExpression(body) ? [body] : []), ...body.getDescendantsOfKind(SyntaxKind.CallExpression)] : [];
  for (const call of calls) {
    if (next && call.getExpression().getText() === next) {
      uses.add('next');
      const arg = call.getArguments()[0];
      if (!arg || (Node.isStringLiteral(arg) && arg.getLiteralValue() === 'route')) {
        blockers.add('falls through to another route (next())');
        warnings.push({ code: 'CROSS_ROUTE_NEXT', message: 'the handler calls next() to pass the request on: the next route decides, which carve cannot reproduce per unit' });
      }
    }
  }
  const implicit = [...blockers].filter((b) => b.startsWith('implicit'));
  if (implicit.length > 0) warnings.push({ code: 'IMPLICIT_DEPENDENCY', message: `depends on ${implicit.map((b) => b.slice('implicit dependency '.length)).join(', ')}` });
  const unsupported = [...blockers].filter((b) => b.startsWith('res.'));
  if (unsupported.length > 0) warnings.push({ code: 'UNSUPPORTED_RESPONSE', message: `responds with ${unsupported.join(', ')}, which stays on Express` });
  return { uses: [...uses].sort(), blockers: [...blockers].sort(), warnings, fn };
}
