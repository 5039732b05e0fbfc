import type { Plugin } from 'esbuild';
import { coreModule as core } from './runtime-module.js';

/**
 * Leaves out of a unit what only the build needs: the OpenAPI generator (and the JSON Schema converters it
 * pulls in). The unit serves the document the build wrote, or none. A unit whose routes are all public also
 * goes without the JWT verifier (and jose): it never asks who is calling. A unit that bundles another copy of
 * carve than the one running the build keeps both: bigger, never wrong.
 */
export function leaveOutBuildOnly(options: { publicOnly?: boolean | undefined } = {}): Plugin {
  const swaps = [
    { filter: /^\.\/openapi\.js$/, importer: core('app.js'), replacement: core('openapi-left-out.js') },
    ...(options.publicOnly ? [{ filter: /^\.\/auth\/jwt\.js$/, importer: core('index.js'), replacement: core('auth/jwt-left-out.js') }] : []),
  ];
  return {
    name: 'carve-leave-out-build-only',
    setup(build) {
      for (const { filter, importer, replacement } of swaps) {
        build.onResolve({ filter }, (args) => (args.importer === importer ? { path: replacement } : undefined));
      }
    },
  };
}
