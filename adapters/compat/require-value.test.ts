import { describe, expect, it } from 'vitest';
import { requireValue } from './require-value.js';

describe('requireValue: require() of a package, from its ES namespace', () => {
  it('is module.exports for a CommonJS package, the namespace for an ES module without a default', () => {
    const exportsObject = { json: () => 'json' };
    expect(requireValue({ default: exportsObject, json: exportsObject.json })).toBe(exportsObject);
    const esm = { rateLimit: () => 'limit' };
    expect(requireValue(esm)).toBe(esm);
  });

  it('is the default with the named exports on it for a dual package (express-rate-limit\'s ES build)', () => {
    const rateLimit = (n: number) => `limit ${n}`;
    const MemoryStore = class {};
    const value = requireValue({ default: rateLimit, rateLimit, MemoryStore }) as typeof rateLimit & { rateLimit: typeof rateLimit; MemoryStore: typeof MemoryStore };
    expect(value(3)).toBe('limit 3');
    const { rateLimit: named, MemoryStore: Store } = value;
    expect([named(2), new Store() instanceof MemoryStore, 'MemoryStore' in value]).toEqual(['limit 2', true, true]);
    expect('MemoryStore' in rateLimit).toBe(false);
    const settings = requireValue({ default: { a: 1 }, b: 2 }) as Record<string, unknown>;
    expect([settings['a'], settings['b']]).toEqual([1, 2]);
  });

  it('works on the real dual package', async () => {
    const value = requireValue(await import('express-rate-limit') as never) as { rateLimit: unknown } & (() => unknown);
    expect([typeof value, typeof value.rateLimit]).toEqual(['function', 'function']);
  });
});
