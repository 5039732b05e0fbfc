import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { coreModule as core } from './runtime-module.js';

// Packages whose `main` is CommonJS compiled down to ES5, with an ES2015 module build beside it (`es2015`).
// tsyringe's: 11 KB instead of 26 KB in a unit, and tree-shaken. esbuild picks `main` first on Node.
const ES2015_BUILDS = ['tsyringe'];

/**
 * Bundles those packages from their ES2015 module build, and carve's tsyringe loader as the ES module that imports
 * it (core/tsyringe-module.ts): carve's CommonJS loader would carry tsyringe whole (8.4 KB tree-shaken, 11.9 whole).
 */
export function es2015Builds(packages: readonly string[] = ES2015_BUILDS): Plugin {
  const filter = new RegExp(`^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  const container = core('container.js');
  return {
    name: 'carve-es2015-builds',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        const manifest = await build.resolve(`${args.path}/package.json`, { kind: 'require-call', resolveDir: args.resolveDir });
        if (manifest.errors.length > 0) return undefined;
        const entry = (JSON.parse(readFileSync(manifest.path, 'utf8')) as { es2015?: string }).es2015;
        return entry ? { path: join(dirname(manifest.path), entry) } : undefined;
      });
      build.onResolve({ filter: /^\.\/tsyringe\.cjs$/ }, (args) => (args.importer === container ? { path: core('tsyringe-module.js') } : undefined));
    },
  };
}
