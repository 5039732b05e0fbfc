import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { findUp } from './find-up.js';

const NATIVE_LOADERS = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-pre-gyp', '@mapbox/node-pre-gyp'];

/**
 * Leaves packages with native addons (a binding.gyp, `gypfile`, or a native loader such as `bindings`)
 * out of the bundle: their `.node` files cannot be bundled. They are listed as the unit's dependencies.
 * A package a dependency imports that is not installed is left out too, in `optionalMissing`.
 */
export function nativeExternals(found: Map<string, string>, optionalMissing: Set<string> = new Set()): Plugin {
  const verdicts = new Map<string, boolean>();
  return {
    name: 'carve-native-externals',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // Node's own modules, with or without `node:` (`require('crypto')`): esbuild's node platform keeps them.
        if (args.path.startsWith('node:') || isBuiltin(args.path)) return undefined;
        const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
        const dir = packageDir(pkg, args.resolveDir);
        if (!dir) {
          // Not installed, and imported by a dependency (pg's pg-native, behind its `native` getter): it stays a
          // require that fails at run time only if that code runs, as it would unbundled, instead of a build that
          // cannot resolve it. The app's own imports, and carve's of its optional peers, still stop the build.
          if (!optionalFor(pkg, args.importer)) return undefined;
          optionalMissing.add(pkg);
          return { path: args.path, external: true };
        }
        let native = verdicts.get(dir);
        if (native === undefined) {
          const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { gypfile?: boolean | undefined; version?: string | undefined; dependencies?: Record<string, string> | undefined };
          native = manifest.gypfile === true || existsSync(join(dir, 'binding.gyp'))
            || Object.keys(manifest.dependencies ?? {}).some((d) => NATIVE_LOADERS.includes(d));
          verdicts.set(dir, native);
          if (native) found.set(pkg, manifest.version ?? '*');
        }
        return native ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

function packageDir(pkg: string, from: string): string | undefined {
  return findUp(from, (dir) => (existsSync(join(dir, 'node_modules', pkg, 'package.json')) ? join(dir, 'node_modules', pkg) : undefined));
}

/** Whether `pkg` may be missing for `importer`: the importer is a dependency's code (not the app's, not carve's). */
function optionalFor(pkg: string, importer: string): boolean {
  if (!/[\\/]node_modules[\\/]/.test(importer)) return false;
  // The importer's package: the nearest package.json with a name (one without is a "type" marker in a subfolder).
  const manifest = findUp(dirname(importer), (dir) => {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) return undefined;
    const read = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
    return read.name ? read : undefined;
  });
  // carve's own optional peers (express for the express target) are a package to install, said in one line.
  if (!manifest || manifest.name === 'carve') return false;
  return !(pkg in (manifest.peerDependencies ?? {})) || manifest.peerDependenciesMeta?.[pkg]?.optional === true;
}
