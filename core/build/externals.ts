import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

const NATIVE_LOADERS = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-pre-gyp', '@mapbox/node-pre-gyp'];

/**
 * Leaves packages with native addons (a binding.gyp, `gypfile`, or a native loader such as `bindings`)
 * out of the bundle: their `.node` files cannot be bundled. They are listed as the unit's dependencies.
 */
export function nativeExternals(found: Map<string, string>): Plugin {
  const verdicts = new Map<string, boolean>();
  return {
    name: 'carve-native-externals',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return undefined;
        const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
        const dir = packageDir(pkg, args.resolveDir);
        if (!dir) return undefined;
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
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
