import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { nodeConditions } from './conditions.js';
import { es2015Builds } from './es2015.js';
import { nativeExternals } from './externals.js';
import { leaveOutBuildOnly } from './left-out.js';
import { stubPlugin } from './stubs.js';
import { boundaryReexports, externalizePackages } from './package-boundary.js';
import { weigh } from './weigh.js';
import { DEFAULT_ZOD_LOCALES, zodLocalesPlugin, type ZodLocales } from './zod-locales.js';
import type { TargetDescriptor } from './target.js';

export interface BundleResult {
  bytes: number;
  gzipBytes: number;
  externals: Record<string, string>;
  inputs: Metafile['inputs'];
  /** The entry module, as a key of `inputs`. */
  entryPoint: string;
  /** Modules of other units that ended up in this bundle with their real code: must be empty. */
  leaked: string[];
  /** Packages a bundled dependency imports that are not installed (left out: a require that fails if it runs). */
  optionalMissing: string[];
  /** zod's locales module was in the bundle, with only the kept locales. */
  trimmedZod: boolean;
  /** Bytes each package adds to the bundle (`carve`, `app`, then packages by name), largest first. */
  weights: Record<string, number>;
  /**
   * For each large package (4 KB or more of the bundle), what the unit's other code imports of it, as re-exports
   * from its resolved modules: when asked for (`boundaries`), to measure what loading it costs.
   */
  boundaries?: Record<string, string[]> | undefined;
}

/** A large package is 4 KB or more of a unit's bundle. */
export const LARGE_PACKAGE_BYTES = 4096;

// CommonJS packages bundled into an ES module still call require() and read __dirname/__filename (pino does at
// import): they get them here. esbuild renames a bundled module's own top-level names (minified), never these.
const BANNER = [
  "import { createRequire as __carveCreateRequire } from 'node:module';",
  "import { fileURLToPath as __carveFileURLToPath } from 'node:url';",
  "import { dirname as __carveDirname } from 'node:path';",
  'const require = __carveCreateRequire(import.meta.url);',
  'const __filename = __carveFileURLToPath(import.meta.url);',
  'const __dirname = __carveDirname(__filename);',
].join(' ');

/** What every bundle of a build shares: ESM, minified, resolved with this process's export conditions. */
function common(target: TargetDescriptor<unknown>['bundle'] = {}): BuildOptions {
  return {
    bundle: true, format: 'esm', platform: target.platform ?? 'node', target: target.target ?? 'node20',
    minify: true, legalComments: 'none', logLevel: 'silent', banner: { js: BANNER },
    // esbuild's own default custom condition is `module`; keep it beside the process's.
    conditions: [...(target.conditions ?? []), ...nodeConditions(), 'module'],
  };
}

/**
 * Bundles one unit: the target's entry module, with `carve/build/unit` served by the unit's app module,
 * `carve/build/settings` by the target's settings, and other units' handler modules replaced by stubs.
 */
export async function bundleUnit(options: {
  entry: string; unitApp: string; settings: unknown; outfile: string; stubs: ReadonlyMap<string, string>; target: TargetDescriptor<unknown>['bundle'];
  /** zod's locales to keep (default English only). */
  zodLocales?: ZodLocales | undefined;
  /** None of the unit's routes needs a principal: it goes without the JWT verifier. */
  publicOnly?: boolean | undefined;
  /** Find what the unit imports of each large package (a second, unminified build that leaves them external). */
  boundaries?: boolean | undefined;
}): Promise<BundleResult> {
  mkdirSync(dirname(options.outfile), { recursive: true });
  const externals = new Map<string, string>();
  const optionalMissing = new Set<string>();
  let trimmedZod = false;
  const plugins = (): Plugin[] => [buildModules(options.unitApp, options.settings), leaveOutBuildOnly({ publicOnly: options.publicOnly }), es2015Builds(), stubPlugin(options.stubs), zodLocalesPlugin(options.zodLocales ?? DEFAULT_ZOD_LOCALES, () => (trimmedZod = true)), nativeExternals(externals, optionalMissing)];
  const unitBuild: BuildOptions = { ...common(options.target), entryPoints: [options.entry], external: [...(options.target?.external ?? [])] };
  // A source map beside each bundle, for the platform's Node to read with --enable-source-maps.
  const result = await build({ ...unitBuild, outfile: options.outfile, metafile: true, sourcemap: 'linked', plugins: plugins() });
  keepOnlyVirtualSources(`${options.outfile}.map`, [options.unitApp]);
  const weights = weigh(result.metafile, process.cwd());
  let boundaries: Record<string, string[]> | undefined;
  if (options.boundaries) {
    const large = new Set(Object.keys(weights).filter((pkg) => pkg !== 'carve' && pkg !== 'app' && weights[pkg]! >= LARGE_PACKAGE_BYTES));
    const open = await build({ ...unitBuild, minify: false, write: false, plugins: [externalizePackages(large), ...plugins()] });
    boundaries = boundaryReexports(open.outputFiles[0]!.text, large);
  }
  const bytes = readFileSync(options.outfile);
  const inputs = result.metafile.inputs;
  const leaked = [...options.stubs.keys()].filter((file) => {
    const input = Object.entries(inputs).find(([path]) => file.endsWith(path.replace(/^(\.\.\/)+/, '')));
    return input !== undefined && input[1].bytes !== Buffer.byteLength(options.stubs.get(file)!);
  });
  return { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength, externals: Object.fromEntries(externals), inputs, leaked, optionalMissing: [...optionalMissing].sort(),
    // The locales were trimmed where zod is carried at all: a unit whose imports only reach zod (carve/adapter's JSON Schema
    // converter) but use none of it carries none, and the report says nothing of locales for it.
    trimmedZod: trimmedZod && (weights['zod'] ?? 0) > 0, weights, ...(boundaries ? { boundaries } : {}), entryPoint: Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.entryPoint ?? '' };
}

/**
 * A stack trace needs only a map's mappings: the sources stay out of it, but those of modules no file will hold (stubs,
 * settings, and the `transient` ones the build writes and removes: the unit's app module), which a reader of the map
 * could not find otherwise.
 */
function keepOnlyVirtualSources(mapFile: string, transient: readonly string[]): void {
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  const dir = dirname(mapFile);
  const kept = (path: string) => existsSync(path) && !transient.includes(path);
  map.sourcesContent = map.sources.map((source, i) => (kept(resolve(dir, source)) ? null : map.sourcesContent?.[i] ?? null));
  writeFileSync(mapFile, JSON.stringify(map));
}

/**
 * Bundles a module into one self-contained ESM file (a gateway, a probe); packages stay external when asked. Given
 * `zodLocales`, packages are bundled as a unit bundles them (tsyringe's ES2015 build, zod's kept locales).
 */
export async function bundleModule(entry: string, options: { packagesExternal?: boolean | undefined; zodLocales?: ZodLocales | undefined } = {}): Promise<string> {
  const asUnits = options.zodLocales ? [es2015Builds(), zodLocalesPlugin(options.zodLocales, () => undefined)] : [];
  const result = await build({ ...common(), entryPoints: [entry], write: false, plugins: asUnits, ...(options.packagesExternal ? { packages: 'external' as const } : {}) });
  return result.outputFiles[0]!.text;
}

const FROM_PROJECT = Symbol('resolved from the project');

/**
 * The two modules a build provides to a target's entry: `carve/build/unit` and `carve/build/settings`. The unit's
 * app module is written beside the output, which may be outside the project (`--out /tmp/x`): what it imports of
 * carve resolves from the project, as the app's own imports do.
 */
function buildModules(unitApp: string, settings: unknown): Plugin {
  return {
    name: 'carve-build-modules',
    setup(build) {
      build.onResolve({ filter: /^carve\/build\/unit$/ }, () => ({ path: unitApp }));
      build.onResolve({ filter: /^carve\/build\/settings$/ }, () => ({ path: 'settings', namespace: 'carve-build' }));
      build.onLoad({ filter: /^settings$/, namespace: 'carve-build' }, () => ({ contents: JSON.stringify(settings ?? {}), loader: 'json' }));
      build.onResolve({ filter: /^carve(\/|$)/ }, async (args) => {
        if (args.importer !== unitApp || args.pluginData === FROM_PROJECT) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: process.cwd(), pluginData: FROM_PROJECT });
        return found.errors.length > 0 ? { errors: found.errors } : { path: found.path, external: found.external, namespace: found.namespace, sideEffects: found.sideEffects };
      });
    },
  };
}

