import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

// carve's core folder as this build module runs it (sources, or the compiled dist/core): the copy a unit bundles.
const CORE = fileURLToPath(new URL('../', import.meta.url));
const EXTENSION = existsSync(join(CORE, 'app.ts')) ? 'ts' : 'js';

/**
 * Leaves out of a unit what only the build needs: the OpenAPI generator (and the JSON Schema converters it
 * pulls in). The unit serves the document the build wrote, or none. A unit that bundles another copy of carve
 * than the one running the build keeps the generator: bigger, never wrong.
 */
export function leaveOutBuildOnly(): Plugin {
  const app = join(CORE, `app.${EXTENSION}`);
  const replacement = join(CORE, `openapi-left-out.${EXTENSION}`);
  return {
    name: 'carve-leave-out-build-only',
    setup(build) {
      build.onResolve({ filter: /^\.\/openapi\.js$/ }, (args) => (args.importer === app ? { path: replacement } : undefined));
    },
  };
}
