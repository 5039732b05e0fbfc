import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

// Resolve `carve` and `carve/<subpath>` from package.json's exports, the one list of entry points.
const alias = Object.entries(pkg.exports)
  .filter(([subpath, target]) => subpath !== './package.json' && target.endsWith('.ts'))
  .map(([subpath, target]) => ({
    find: new RegExp(`^${('carve' + subpath.slice(1)).replace(/[/.]/g, '\\$&')}$`),
    replacement: fileURLToPath(new URL(target, import.meta.url)),
  }));

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['{core,adapters,codemods,examples,test}/**/*.test.ts'],
    env: { CARVE_LOG_LEVEL: 'silent' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
