import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

// Inside this repo carve runs from its TypeScript sources: each public subpath's `carve-source` condition
// (package.json exports, the one list of entry points) for modules vitest loads, and NODE_OPTIONS for every
// process a test starts (units, the CLI) and for the bundles a build makes (carve/build reads the conditions).
const alias = Object.entries(pkg.exports)
  .flatMap(([subpath, target]) => (typeof target === 'object' ? [[subpath, target['carve-source']] as const] : []))
  .map(([subpath, target]) => ({
    find: new RegExp(`^${('carve' + subpath.slice(1)).replace(/[/.]/g, '\\$&')}$`),
    replacement: fileURLToPath(new URL(target, import.meta.url)),
  }));

// Node resolves `graphql` (v16, no exports map) to its CommonJS main, as @apollo/server requires it; Vite
// would pick the ESM build and load a second copy ("Cannot use GraphQLSchema from another module").
const graphqlMain = { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') };

export default defineConfig({
  resolve: { alias: [...alias, graphqlMain] },
  // Vite strips types from .ts/.mts only; core/tsyringe.cts is CommonJS on purpose (see there).
  oxc: { include: /\.([mc]?ts|[jt]sx)$/ },
  test: {
    include: ['{core,adapters,codemods,examples,test}/**/*.test.{ts,mts}'],
    // The project `carve init` writes has its own tests (node --test), run by the package test.
    exclude: ['**/node_modules/**', 'core/cli/template/**'],
    // GRADEBOOK_NOTICE_KEY: the gradebook's secret, as a deployment's platform puts it in the environment.
    env: { CARVE_LOG_LEVEL: 'silent', GRADEBOOK_NOTICE_KEY: 'test-notice-key', NODE_OPTIONS: [process.env['NODE_OPTIONS'], '--conditions=carve-source'].filter(Boolean).join(' ') },
    // Vitest's default is one worker fewer than the CPUs: one on a 2-core box, where most files wait on processes they
    // start (units, the CLI, builds). Two keep both cores busy; every heavy test gives itself the time it needs.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Many tests start real processes (the CLI, units, tsc, npm): on a loaded 2-core box those take several times
    // what they take alone, so no test gets less than a minute; the heaviest say how long they need.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
