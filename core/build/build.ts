import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadAppInScope } from '../cli/load-app';
import { UsageError } from '../cli/usage-error';
import { bundleUnit } from './bundle';
import { loadConfig, settingsFrom } from './config';
import { estimateCost, limitWarnings, type CostEstimate } from './limits';
import { planUnits, SHAPES, type Shape } from './plan';
import { findRemainderModule } from './remainder';
import { stubSource } from './stubs';
import { unitAppSource } from './unit-app';

const GRAPHQL_ROUTES = [{ method: 'GET', path: '/graphql' }, { method: 'POST', path: '/graphql' }];
import type { BuiltUnit, TargetDescriptor } from './target';

export const TARGETS = ['aws', 'azure', 'express'] as const;

export interface BuildOptions {
  /** The module exporting the app (default export or `app`). */
  app: string;
  shape: string;
  target: string;
  /** Default `dist`; the build goes to `<out>/<target>/<shape>/`. */
  out?: string;
  /** A carve.config.ts; by default the one next to the app module, if any. */
  config?: string;
  /** Measure each unit's cold start by starting it in a fresh process. Default true. */
  coldStart?: boolean;
  /** Requests per month and mean duration (ms) for the cost estimate. */
  cost?: { requestsPerMonth: number; averageDurationMs: number };
  /** Progress lines, one per step of long work. */
  onProgress?: (line: string) => void;
}

export interface ManifestUnit {
  name: string;
  routes: { method: string; path: string }[];
  entry: string;
  bundleBytes: number;
  gzipBytes: number;
  coldStartMs: number | null;
  modules: number;
  externals: Record<string, string>;
  /** Present when the unit serves the legacy remainder. */
  remainder?: true;
}

/** `carve-manifest.json`: what was built, for users, CI and the acceptance checks. */
export interface Manifest {
  shape: string;
  target: string;
  app: string;
  units: ManifestUnit[];
  warnings: string[];
  cost?: CostEstimate;
}

/**
 * Builds an app in one shape for one target: one esbuild bundle per unit, the target's deployment files
 * and `carve-manifest.json`, in `<out>/<target>/<shape>/`. The folder is written whole or not at all.
 */
export async function buildApp(options: BuildOptions): Promise<Manifest> {
  const progress = options.onProgress ?? (() => undefined);
  if (![...SHAPES, 'custom'].includes(options.shape)) {
    throw new UsageError(`unknown shape "${options.shape}"; choose one of ${[...SHAPES, 'custom'].join(', ')}`);
  }
  if (!(TARGETS as readonly string[]).includes(options.target)) {
    throw new UsageError(`unknown target "${options.target}"; choose one of ${TARGETS.join(', ')}`);
  }
  const shape = options.shape as Shape;
  process.env['CARVE_RECORD_SOURCES'] = '1';
  const appModule = resolve(options.app);
  const { app, importBeside } = await loadAppInScope(options.app);
  const report = app.validate();
  if (!report.ok) throw new UsageError(`${app.name} cannot be built: ${report.problems.map((p) => p.message).join('; ')}`);
  const config = await loadConfig(appModule, options.config);
  if (shape === 'custom' && !config.groups) throw new UsageError('--shape custom needs `groups` in carve.config.ts');
  const settings = settingsFrom(config);
  let units;
  try {
    units = planUnits(app, shape, config.groups);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const target = await loadTarget(options.target);
  try {
    target.check?.(app);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // A split app's legacy remainder: carried by a single unit itself, else by a `legacy` unit of its own that
  // gets whatever no other unit's route matches. Without one, platforms that route by method and path get a
  // route-only fallback unit (every handler stubbed) that answers 404 and 405 for the whole app.
  const legacy = app.remainder !== undefined && shape !== 'graphql';
  const fallback = legacy && units.length > 1 ? { name: 'legacy', handlers: [...app.handlers] }
    : target.fallbackUnit && units.length > 1 ? { name: target.fallbackUnit, handlers: [...app.handlers] } : undefined;
  if (fallback) units.push(fallback);
  const servesRemainder = (unit: { name: string }) => legacy && (units.length === 1 || unit === fallback);
  const finalDir = resolve(options.out ?? 'dist', options.target, shape);
  const stage = `${finalDir}.partial-${process.pid}`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const warnings: string[] = [];
  try {
    const sources = new Map(app.handlers.map((h) => [h.id, h.source]));
    if ([...sources.values()].some((s) => s === undefined)) warnings.push('some handlers have no recorded source module; units could not be trimmed');
    const stubCache = new Map<string, string | undefined>();
    const legacyModule = legacy && units.length > 1 ? await findRemainderModule(appModule, app.remainder!, importBeside) : undefined;
    if (legacyModule && 'reason' in legacyModule) warnings.push(legacyModule.reason);
    const built: BuiltUnit[] = [];
    for (const [i, unit] of units.entries()) {
      progress(`bundling ${i + 1}/${units.length}: ${unit.name}`);
      const own = new Set(unit === fallback ? [] : unit.handlers.map((h) => h.source));
      const stubs = new Map<string, string>();
      for (const file of new Set(sources.values())) {
        if (!file || own.has(file)) continue;
        if (!stubCache.has(file)) stubCache.set(file, await stubSource(file));
        const stub = stubCache.get(file);
        if (stub) stubs.set(file, stub);
      }
      const remainder = servesRemainder(unit);
      if (!remainder && legacyModule && 'file' in legacyModule) stubs.set(legacyModule.file, legacyModule.source);
      const ids = remainder && unit === fallback ? [] : unit.handlers.map((h) => h.id);
      const outfile = join(stage, unit.name, target.entryFile);
      const unitApp = join(stage, '.entries', `${unit.name}.app.ts`);
      mkdirSync(dirname(unitApp), { recursive: true });
      writeFileSync(unitApp, unitAppSource(appModule, ids, shape === 'graphql', remainder));
      const result = await bundleUnit({ entrySource: target.entrySource(unitApp, { remainder }), outfile, workDir: join(stage, '.entries'), stubs, external: target.externals });
      for (const file of result.leaked) warnings.push(`${unit.name}: ${relative(process.cwd(), file)} belongs to another unit but was bundled whole`);
      built.push({
        name: unit.name, handlerIds: ids, routes: unit === fallback ? [] : shape === 'graphql' ? GRAPHQL_ROUTES : unit.handlers.map((h) => ({ method: h.method, path: h.path })),
        dir: join(finalDir, unit.name), entry: target.entryFile, bundleBytes: result.bytes, gzipBytes: result.gzipBytes,
        externals: result.externals, modules: Object.keys(result.inputs).length, remainder,
      });
    }
    for (const file of new Set([...stubCache.entries()].filter(([, s]) => s === undefined).map(([f]) => f))) {
      warnings.push(`${relative(process.cwd(), file)} exports more than handlers, so it is bundled whole wherever it is imported`);
    }
    rmSync(join(stage, '.entries'), { recursive: true, force: true });
    const staged = built.map((u) => ({ ...u, dir: join(stage, u.name) }));
    const files = await target.emit({ app, shape, outDir: stage, units: staged, settings });
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      writeFileSync(join(stage, file), content);
    }
    const coldStarts: (number | null)[] = [];
    for (const [i, unit] of staged.entries()) {
      if (options.coldStart === false || !target.coldStart) coldStarts.push(null);
      else {
        progress(`measuring cold start ${i + 1}/${staged.length}: ${unit.name}`);
        coldStarts.push(Math.round((await target.coldStart(unit)) * 10) / 10);
      }
    }
    warnings.push(...limitWarnings(options.target, built, settings));
    const manifest: Manifest = {
      shape, target: options.target, app: app.name,
      units: built.map((u, i) => ({
        name: u.name, routes: u.routes, entry: `${u.name}/${u.entry}`, bundleBytes: u.bundleBytes, gzipBytes: u.gzipBytes,
        coldStartMs: coldStarts[i]!, modules: u.modules, externals: u.externals, ...(u.remainder ? { remainder: true as const } : {}),
      })),
      warnings,
    };
    if (options.cost && options.target === 'aws') {
      manifest.cost = estimateCost(coldStarts.filter((c): c is number => c !== null), settings, options.cost.requestsPerMonth, options.cost.averageDurationMs);
    }
    writeFileSync(join(stage, 'carve-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(finalDir, { recursive: true, force: true });
    renameSync(stage, finalDir);
    return manifest;
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  } finally {
    if (existsSync(stage)) rmSync(stage, { recursive: true, force: true });
  }
}

async function loadTarget(name: string): Promise<TargetDescriptor> {
  // By name, at run time: core never imports an adapter statically.
  const mod = (await import(`carve/${name}/target`)) as { default: TargetDescriptor };
  return mod.default;
}
