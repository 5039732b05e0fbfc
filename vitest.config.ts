import { createRequire } from 'node:module';
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

// Node resolves `graphql` (v16, no exports map) to its CommonJS main, as @apollo/server requires it; Vite
// would pick the ESM build and load a second copy ("Cannot use GraphQLSchema from another module").
const graphqlMain = { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') };

export default defineConfig({
  resolve: { alias: [...alias, graphqlMain] },
  test: {
    include: ['{core,adapters,codemods,examples,test}/**/*.test.ts'],
    env: { CARVE_LOG_LEVEL: 'silent' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
