import type { Plugin } from 'esbuild';
import { runtimeModule } from './runtime-module.js';

/**
 * Leaves out of a unit what only the build needs: the OpenAPI generator (and the JSON Schema converters it
 * pulls in). The unit serves the document the build wrote, or none. A unit that bundles another copy of carve
 * than the one running the build keeps the generator: bigger, never wrong.
 */
export function leaveOutBuildOnly(): Plugin {
  // carve's core as this build module runs it (sources, or the compiled dist/core): the copy a unit bundles.
  const app = runtimeModule(new URL('../app.js', import.meta.url));
  const replacement = runtimeModule(new URL('../openapi-left-out.js', import.meta.url));
  return {
    name: 'carve-leave-out-build-only',
    setup(build) {
      build.onResolve({ filter: /^\.\/openapi\.js$/ }, (args) => (args.importer === app ? { path: replacement } : undefined));
    },
  };
}
