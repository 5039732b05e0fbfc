import { Node } from 'ts-morph';
import { declarationsOf, moduleOf } from '../analyze/express-bindings.js';

/**
 * Middleware that keeps its state in the process unless it is given a store, known by its package: two
 * instances of it (one in the legacy app, one in front of the moved routes) are two states, so a user logged in
 * on one side is a stranger on the other.
 */
const PACKAGES: Record<string, string> = {
  'express-session': 'keeps sessions in a MemoryStore',
  'express-rate-limit': 'keeps its rate-limit counters in memory',
  'express-slow-down': 'keeps its request counters in memory',
};

/** What such a middleware built by a call keeps in memory (`session({ secret })` with no `store`), if it is one. */
export function memoryState(node: Node): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  if (!Node.isIdentifier(callee)) return undefined;
  const what = declarationsOf(callee).map((d) => PACKAGES[moduleOf(d) ?? '']).find(Boolean);
  if (!what) return undefined;
  const options = node.getArguments()[0];
  const hasStore = !!options && Node.isObjectLiteralExpression(options) && options.getProperties().some((p) => (p as Node & { getName?(): string }).getName?.() === 'store');
  return hasStore ? undefined : what;
}
