import { relative } from 'node:path';
import type { Node } from 'ts-morph';
import { builtBy } from '../analyze/express-bindings.js';
import type { Carrier } from '../analyze/routes.js';
import type { RouteInfo, Warning } from '../analyze/types.js';
import { corsMapping } from './cors.js';
import { rateLimitMapping, type Carry } from './rate-limit.js';

/** A middleware of the legacy app that carve's own replaces on the whole split app: its node, carve's call and the report's word for it. */
export interface AppMiddleware {
  node: Node;
  /** carve's export it calls: `cors`, `rateLimit`. */
  carve: 'cors' | 'rateLimit';
  /** `cors({ origins: '*' })`. */
  call: string;
  warning: Warning;
}

type Mapped = { carve: AppMiddleware['carve']; call: string; note?: string } | { carve: AppMiddleware['carve']; unmapped: string };

/** Each package carve has its own middleware for, as carve's call, or why it runs as it is; undefined when it is not one. */
const MAPPERS: ((node: Node, carry: Carry) => Mapped | undefined)[] = [
  (node) => {
    const mapping = corsMapping(node);
    return mapping && { carve: 'cors', ...('options' in mapping ? { call: `cors(${mapping.options})` } : mapping) };
  },
  (node, carry) => {
    const mapping = rateLimitMapping(node, carry);
    return mapping && {
      carve: 'rateLimit',
      ...('options' in mapping ? {
        call: `rateLimit(${mapping.options})`,
        note: 'it counts every request, the ones the legacy app answers too, as the package did; over the limit a client gets carve\'s 429 problem (application/problem+json) with the same message. Its counts are in memory: each unit of a multi-unit shape, and each function instance, counts on its own; for one limit across the app give it a store (RateLimitStore) or throttle at the gateway',
      } : mapping),
    };
  },
];

const CODES: Record<AppMiddleware['carve'], string> = { cors: 'CORS', rateLimit: 'RATE_LIMIT' };

/**
 * The middleware in front of every route of the app, unconditionally and on every path, that carve has its own for
 * (`cors(…)`, an express-rate-limit `rateLimit(…)`), mapped: carve's then answers for the whole app, requests the legacy
 * app answers included, as the package did. One in front of some routes only, or under a path or a condition,
 * would answer where the package did not, so it runs as it is; so does a second cors(…).
 */
export function appWideMiddleware(routes: RouteInfo[], carriers: Map<RouteInfo, Carrier>, root: string, carry: Carry): { middleware: AppMiddleware[]; warnings: Warning[] } {
  const everywhereOf = new Map<Node, boolean>();
  const everywhere = (node: Node) => {
    if (!everywhereOf.has(node)) everywhereOf.set(node, routes.every((r) => carriers.get(r)?.front.some((f) => f.node === node && f.path === undefined && !f.when?.length)));
    return everywhereOf.get(node)!;
  };
  // What one that stays as it is would need is never carried into the app module.
  const readOnly: Carry = (n) => n.getText();
  const calls = new Map<Node, Mapped>();
  for (const f of routes.flatMap((r) => carriers.get(r)?.front ?? [])) {
    if (calls.has(f.node)) continue;
    const carries = everywhere(f.node) ? carry : readOnly;
    const mapping = MAPPERS.map((m) => m(f.node, carries)).find(Boolean);
    if (mapping) calls.set(f.node, mapping);
  }
  const warnings: Warning[] = [];
  const middleware: AppMiddleware[] = [];
  for (const [node, mapping] of calls) {
    const call = builtBy(node) ?? node;
    const where = `${relative(root, call.getSourceFile().getFilePath())}:${call.getStartLineNumber()}`;
    const text = call.getText().replace(/\s+/g, ' ');
    const label = text.length > 60 ? `${text.replace(/\(.*$/s, '')}({…})` : text;
    const warn = (message: string) => ({ code: CODES[mapping.carve], file: where.replace(/:\d+$/, ''), line: call.getStartLineNumber(), message: `${label} (${where}) ${message}` });
    if ('unmapped' in mapping) warnings.push(warn(`runs as it is through carve/compat/express, keeping its routes off the SDK: ${mapping.unmapped}`));
    else if (!everywhere(node) || (mapping.carve === 'cors' && middleware.some((m) => m.carve === 'cors'))) {
      warnings.push(warn(`runs as it is through carve/compat/express: it is not in front of every route on every path, and carve's ${mapping.carve}() would answer for the whole app`));
    } else middleware.push({ node, carve: mapping.carve, call: mapping.call, warning: warn(`is carve's ${mapping.call} on the split app${mapping.note ? `: ${mapping.note}` : ''}`) });
  }
  return { middleware, warnings: [...middleware.map((m) => m.warning), ...warnings] };
}
