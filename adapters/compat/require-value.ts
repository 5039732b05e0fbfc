/**
 * What `require(x)` gave CommonJS code, from the namespace an ES import of `x` gives: carried legacy code
 * (`const { rateLimit } = require('express-rate-limit')`) is imported instead, so that a bundler follows it.
 * - a CommonJS package: its `module.exports` is the namespace's default;
 * - an ES module with no default export: the namespace itself;
 * - a dual package whose ES build has a default and named exports: its CommonJS build's `module.exports` is the
 *   default with the named exports on it (`module.exports = Object.assign(rateLimit, exports)`), so that is what
 *   this gives, without changing the module's own default.
 */
export function requireValue(namespace: Record<string, unknown>): unknown {
  const value = namespace['default'];
  if (value === undefined || value === null) return namespace;
  const named = Object.keys(namespace).filter((k) => k !== 'default');
  if (named.every((k) => k in Object(value))) return value;
  const own = (key: string | symbol) => typeof key === 'string' && key !== 'default' && named.includes(key);
  if (typeof value === 'function') {
    return new Proxy(value, {
      get: (target, key, receiver) => (own(key) ? namespace[key as string] : Reflect.get(target, key, receiver)),
      has: (target, key) => own(key) || Reflect.has(target, key),
    });
  }
  return { ...(typeof value === 'object' ? value : {}), ...namespace };
}
