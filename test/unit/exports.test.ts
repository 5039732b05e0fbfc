import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { TARGET_NAMES } from '../../core/cli/targets.js';

type Entry = { 'carve-source': string; types: string; default: string };
const subpaths = Object.entries(pkg.exports).filter((e): e is [string, Entry] => typeof e[1] === 'object');
// Modules that throw when imported outside a build (they stand for what `carve build` provides).
const PROVIDED_BY_BUILD = ['./build/unit', './build/settings'];
// zod's own API, re-exported whole from its own subpaths so that nothing else carries it.
const REEXPORTED = { './zod': 'zod', './zod/mini': 'zod/mini' } as Record<string, string>;

// The public API is small on purpose: a change here is a deliberate, reviewed change.
describe('public API: the export names of every subpath', () => {
  it('pins them', async () => {
    const names: Record<string, string[]> = {};
    for (const [subpath, entry] of subpaths) {
      if (PROVIDED_BY_BUILD.includes(subpath) || subpath in REEXPORTED) continue;
      const mod = (await import(/* @vite-ignore */ new URL(`../../${entry['carve-source']}`, import.meta.url).href)) as Record<string, unknown>;
      names[`carve${subpath.slice(1)}`] = Object.keys(mod).sort();
    }
    expect(names).toMatchSnapshot();
  });

  it('re-exports zod and zod/mini as they are, each from its own subpath', async () => {
    for (const [subpath, library] of Object.entries(REEXPORTED)) {
      const ours = (await import(/* @vite-ignore */ `carve${subpath.slice(1)}`)) as Record<string, unknown>;
      const theirs = (await import(/* @vite-ignore */ library)) as Record<string, unknown>;
      expect(Object.keys(ours).sort(), subpath).toEqual(Object.keys(theirs).sort());
      expect(ours['object'], subpath).toBe(theirs['object']);
    }
  });

  it('has source, types and JavaScript for every subpath, and a bin', () => {
    for (const [subpath, entry] of subpaths) {
      expect(Object.keys(entry), subpath).toEqual(['carve-source', 'types', 'default']);
      expect(existsSync(new URL(`../../${entry['carve-source']}`, import.meta.url)), subpath).toBe(true);
      expect(entry.types, subpath).toBe(entry['carve-source'].replace(/^\.\//, './dist/').replace(/\.ts$/, '.d.ts'));
      expect(entry.default, subpath).toBe(entry['carve-source'].replace(/^\.\//, './dist/').replace(/\.ts$/, '.js'));
    }
    expect(pkg.bin.carve).toBe('./dist/core/cli/bin.js');
    expect(existsSync(new URL('../../core/cli/bin.ts', import.meta.url))).toBe(true);
  });

  it('gives every registered target its folder, a runtime subpath and a descriptor subpath', () => {
    for (const name of TARGET_NAMES) {
      expect(existsSync(new URL(`../../adapters/${name}`, import.meta.url)), name).toBe(true);
      expect(Object.keys(pkg.exports), name).toEqual(expect.arrayContaining([`./${name}`, `./${name}/target`]));
    }
  });

  it('keeps the build-provided modules from being imported anywhere else', async () => {
    await expect(import('carve/build/unit')).rejects.toThrow(/provided by `carve build`/);
    await expect(import('carve/build/settings')).rejects.toThrow(/provided by `carve build`/);
  });
});
