import { Node } from 'ts-morph';
import { builtBy, calleePackage } from '../analyze/express-bindings.js';
import { isLiteral, objectLiteral } from './literals.js';
import type { Stay } from './stay.js';

/** An express-rate-limit call as carve's own `rateLimit({ … })` (`options`), or why it runs as it is (`unmapped`). */
export type RateLimitMapping = { options: string } | { unmapped: string };

/** Carries a legacy expression (and the constants it is computed from) into the generated module, or says why not. */
export type Carry = (node: Node) => string | Stay;

// express-rate-limit's own defaults (v6–v8), written out: carve's rateLimit() has none of its own for these.
const DEFAULTS = { limit: '5', windowMs: '60_000', headers: 'false', legacyHeaders: 'true', message: JSON.stringify('Too many requests, please try again later.') };

/**
 * `rateLimit({ windowMs, limit | max, standardHeaders, legacyHeaders, message, ipv6Subnet })` from express-rate-limit,
 * written as carve's `rateLimit()` with the same counting (a fixed window per client address), the same headers and
 * the same message (in carve's 429 problem). The window and the limit may be computed (`max: RATE_LIMIT_GLOBAL`):
 * what they are computed from comes along. What carve's has no equal for (a `store`, a `keyGenerator`, a `handler`,
 * `skip`, a limit per request, counting only failed requests) keeps the package's own middleware, run as it is.
 */
export function rateLimitMapping(node: Node | undefined, carry: Carry): RateLimitMapping | undefined {
  const called = calleePackage(node);
  if (!called || called.member || !called.modules.includes('express-rate-limit')) return undefined;
  const [arg, ...rest] = builtBy(node)!.getArguments();
  if (rest.length > 0) return { unmapped: 'it is given more than its options' };
  const options: Record<string, string> = { ...DEFAULTS };
  const literal = arg && objectLiteral(arg);
  if (arg && !literal) return { unmapped: `its options ${arg.getText()} are not an object literal carve split can read` };
  for (const property of literal?.getProperties() ?? []) {
    if (!Node.isPropertyAssignment(property)) return { unmapped: `its option ${property.getText()} is not a plain property` };
    const name = property.getName().replace(/^['"]|['"]$/g, '');
    const value = property.getInitializerOrThrow();
    const option = OPTIONS[name];
    const mapped = option?.(value, carry);
    if (mapped !== undefined && typeof mapped !== 'string') return { unmapped: `its option ${name}: ${value.getText()} cannot come along: ${mapped.reason}` };
    if (mapped === undefined) {
      return { unmapped: `its option ${name}: ${value.getText()} ${!option || isLiteral(value) ? "has no equal in carve's rateLimit()" : 'is not a literal carve split can read'}` };
    }
    if (mapped !== '') options[OPTION_NAMES[name] ?? name] = mapped;
  }
  return { options: `{ ${Object.entries(options).map(([k, v]) => `${k}: ${v}`).join(', ')} }` };
}

const OPTION_NAMES: Record<string, string> = { max: 'limit', standardHeaders: 'headers', headers: 'legacyHeaders' };

/** A count or a length of time, computed or not; a function (a limit per request) has no equal. */
const amount = (value: Node, carry: Carry) => (Node.isArrowFunction(value) || Node.isFunctionExpression(value) ? undefined : carry(value));
const bool = (value: Node) => (Node.isTrueLiteral(value) ? 'true' : Node.isFalseLiteral(value) ? 'false' : undefined);

/** Each express-rate-limit option as carve's value, '' for one carve needs no word for, or undefined when it has no equal. */
const OPTIONS: Record<string, (value: Node, carry: Carry) => string | Stay | undefined> = {
  windowMs: amount,
  limit: amount,
  max: amount,
  standardHeaders: (value) => {
    if (Node.isTrueLiteral(value)) return "'draft-6'";
    if (Node.isFalseLiteral(value)) return 'false';
    return Node.isStringLiteral(value) && ['draft-6', 'draft-7', 'draft-8'].includes(value.getLiteralValue()) ? `'${value.getLiteralValue()}'` : undefined;
  },
  legacyHeaders: bool,
  // express-rate-limit before v7 called legacyHeaders `headers`.
  headers: bool,
  message: (value) => (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) ? JSON.stringify(value.getLiteralValue()) : undefined),
  statusCode: (value) => (Node.isNumericLiteral(value) && value.getLiteralValue() === 429 ? '' : undefined),
  ipv6Subnet: (value) => (Node.isNumericLiteral(value) && value.getLiteralValue() >= 32 && value.getLiteralValue() <= 64 ? value.getText() : undefined),
  // Its own configuration checks, printed to the console: nothing a client sees.
  validate: () => '',
};
