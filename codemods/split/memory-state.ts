import { Node } from 'ts-morph';
import { builtBy, calleePackage } from '../analyze/express-bindings.js';

/**
 * Middleware that keeps its state in the process unless it is given a store, known by its package: two
 * instances of it (one in the legacy app, one in front of the moved routes) are two states, so a user logged in
 * on one side is a stranger on the other.
 */
const PACKAGES: Record<string, { what: string; instead: string }> = {
  'express-session': { what: 'keeps sessions in a MemoryStore', instead: 'give it a store outside the process (connect-redis, a database)' },
  'express-rate-limit': { what: 'keeps its rate-limit counters in memory', instead: 'for one limit across the app, throttle at the gateway (API Gateway, API Management) or give it a store (rate-limit-redis)' },
  'express-slow-down': { what: 'keeps its request counters in memory', instead: 'for one limit across the app, throttle at the gateway or give it a store (rate-limit-redis)' },
};

/** What such a middleware built by a call keeps in memory (`session({ secret })` with no `store`), if it is one. */
export function memoryState(node: Node): string | undefined {
  return memoryStateOf(node)?.what;
}

/**
 * The report's word for such a middleware carried in front of moved routes: every unit of a multi-unit shape, and
 * every instance of a function, builds its own, so what it keeps is per instance, not per app.
 */
export function unitState(node: Node): string | undefined {
  const known = memoryStateOf(node);
  return known && `${node.getText().replace(/\(.*$/s, '')}(…) ${known.what}: each unit of a multi-unit shape, and each function instance, has its own; ${known.instead}`;
}

/**
 * Middleware packages that keep nothing between requests: two instances of one answer as one does, so carrying a
 * second in front of moved routes is not split state. Known by the package a call comes from (`helmet()`,
 * `passport.initialize()`), never by a name alone.
 */
const STATELESS = new Set(['cookie-parser', 'method-override', 'helmet', 'hpp', 'cors', 'body-parser', 'serve-favicon', 'compression', 'morgan', 'multer', 'express-validator', 'connect-flash', 'lusca', 'passport', 'express-mongo-sanitize', 'xss-clean']);

/** Whether a middleware built by a call comes from a package that keeps no state between requests. */
export function statelessMiddleware(node: Node): boolean {
  return !!calleePackage(node)?.modules.some((m) => STATELESS.has(m));
}

function memoryStateOf(node: Node): { what: string; instead: string } | undefined {
  const called = calleePackage(node);
  const what = called && !called.member ? called.modules.map((m) => PACKAGES[m]).find(Boolean) : undefined;
  if (!what) return undefined;
  const options = builtBy(node)?.getArguments()[0];
  const hasStore = !!options && Node.isObjectLiteralExpression(options) && options.getProperties().some((p) => (p as Node & { getName?(): string }).getName?.() === 'store');
  return hasStore ? undefined : what;
}
