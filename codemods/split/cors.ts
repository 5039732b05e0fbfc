import { Node } from 'ts-morph';
import { builtBy, calleePackage } from '../analyze/express-bindings.js';
import { isLiteral, objectLiteral } from './literals.js';

/** A `cors(…)` call of the cors package, as carve's own `cors()` (`options`), or why it runs as it is (`unmapped`). */
export type CorsMapping = { options: string } | { unmapped: string };

/**
 * `cors()` / `cors({ origin, credentials, … })` from the cors package, written as carve's `cors()` options with the
 * same answers: the origins it allows, methods, allowed and exposed headers, credentials, max age. Options carve's
 * cors has no equal for (an origin callback, `preflightContinue`, a preflight status other than 200 or 204) or that are not
 * literals carve split can read keep the package's own middleware, run as it is.
 */
export function corsMapping(node: Node | undefined): CorsMapping | undefined {
  const called = calleePackage(node);
  if (!called || called.member || !called.modules.includes('cors')) return undefined;
  const [arg, ...rest] = builtBy(node)!.getArguments();
  if (rest.length > 0) return { unmapped: 'it is given more than its options' };
  if (!arg) return { options: "{ origins: '*' }" };
  const literal = objectLiteral(arg);
  if (!literal) return { unmapped: `its options ${arg.getText()} are not an object literal carve split can read` };
  const out: string[] = [];
  let origins = "'*'";
  let credentials = false;
  for (const property of literal.getProperties()) {
    if (!Node.isPropertyAssignment(property)) return { unmapped: `its option ${property.getText()} is not a plain property` };
    const name = property.getName().replace(/^['"]|['"]$/g, '');
    const value = property.getInitializerOrThrow();
    const mapped = OPTIONS[name]?.(value);
    if (mapped === undefined) return { unmapped: `its option ${name}: ${value.getText()} ${isLiteral(value) ? "has no equal in carve's cors()" : 'is not a literal carve split can read'}` };
    if (name === 'origin') origins = mapped;
    else if (name === 'credentials') credentials = mapped === 'true';
    else if (mapped !== '') out.push(mapped);
  }
  if (origins === "'*'" && credentials) return { unmapped: "it allows every origin ('*') with credentials, which browsers refuse and carve's cors() refuses at start-up" };
  return { options: `{ ${[`origins: ${origins}`, ...(credentials ? ['credentials: true'] : []), ...out].join(', ')} }` };
}

/** Each cors package option as carve's, or undefined when carve's cors() has no equal for its value. */
const OPTIONS: Record<string, (value: Node) => string | undefined> = {
  origin: (value) => {
    if (Node.isTrueLiteral(value)) return '() => true';
    if (Node.isStringLiteral(value)) return value.getLiteralValue() === '*' ? "'*'" : JSON.stringify([value.getLiteralValue()]);
    if (Node.isRegularExpressionLiteral(value)) return `(origin) => ${value.getText()}.test(origin)`;
    if (!Node.isArrayLiteralExpression(value)) return undefined;
    const items = value.getElements();
    if (items.every((e) => Node.isStringLiteral(e))) return JSON.stringify(items.map((e) => e.getLiteralValue()));
    if (!items.every((e) => Node.isStringLiteral(e) || Node.isRegularExpressionLiteral(e))) return undefined;
    return `(origin) => [${items.map((e) => e.getText()).join(', ')}].some((allowed) => (typeof allowed === 'string' ? allowed === origin : allowed.test(origin)))`;
  },
  credentials: (value) => (Node.isTrueLiteral(value) ? 'true' : Node.isFalseLiteral(value) ? 'false' : undefined),
  methods: (value) => list(value, 'methods'),
  allowedHeaders: (value) => list(value, 'allowHeaders'),
  headers: (value) => list(value, 'allowHeaders'),
  exposedHeaders: (value) => list(value, 'exposeHeaders'),
  maxAge: (value) => (Node.isNumericLiteral(value) ? `maxAge: ${value.getLiteralValue()}` : undefined),
  // What carve's cors() does anyway: answer the preflight itself (204, or 200 for old browsers).
  preflightContinue: (value) => (Node.isFalseLiteral(value) ? '' : undefined),
  optionsSuccessStatus: (value) => (!Node.isNumericLiteral(value) ? undefined : value.getLiteralValue() === 204 ? '' : value.getLiteralValue() === 200 ? 'preflightStatus: 200' : undefined),
};

/** `'GET,POST'` or `['GET', 'POST']` as carve's list option. */
function list(value: Node, option: string): string | undefined {
  const elements = Node.isArrayLiteralExpression(value) ? value.getElements() : [];
  const items = Node.isStringLiteral(value) ? value.getLiteralValue().split(',').map((s) => s.trim()).filter(Boolean)
    : Node.isArrayLiteralExpression(value) && elements.every((e) => Node.isStringLiteral(e)) ? elements.map((e) => e.getLiteralValue())
      : undefined;
  return items && `${option}: ${JSON.stringify(items)}`;
}
