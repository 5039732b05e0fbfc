import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { App } from '../app.js';
import type { Access } from '../resource.js';
import { bundleModule, bundleUnit, type BundleResult } from './bundle.js';
import { measureColdStart } from './cold-start.js';
import { carriedForOthers, type CarryingUnit } from './carried.js';
import { measureDependencies } from './dependency-cost.js';
import { planEnvironments } from './environment.js';
import { planPermissions } from './permissions.js';
import { explainMissingPackage } from './missing-package.js';
import { targetSettings, type LoadedConfig } from './config.js';
import { GRAPHQL_ROUTES, shapeWarningsOf, type ShapeWarnings, planUnits, type Shape, type UnitPlan } from './plan.js';
import { findRemainderModule, type RemainderStub } from './remainder.js';
import { loadShapeInput } from './shape-input.js';
import { stubSource } from './stubs.js';
import type { BuiltUnit, CostEstimate, EmitContext, TargetDescriptor, Usage } from './target.js';
import { DOCUMENT_FILE } from './document-module.js';
import { unitAppSource } from './unit-app.js';
import { UsageError } from './usage-error.js';
import { checkZodLocales, DEFAULT_ZOD_LOCALES, type ZodLocales } from './zod-locales.js';

export interface BuildOptions {
  /** The module exporting the app (default export or `app`). */
  app: string;
  shape: string;
  /** Where units run: a target's descriptor (`carve/aws/target`, or a module of your own). */
  target: TargetDescriptor<unknown>;
  /** Default `dist`; the build goes to `<out>/<target>/<shape>/`. */
  out?: string | undefined;
  /** A carve.config.ts; by default the one next to the app module, if any. */
  config?: string | undefined;
  /** The deployment stage (`dev`, `prod`): given to the target and to a carve.config.ts written as a function. */
  stage?: string | undefined;
  /** Measure each unit's cold start by starting it in a fresh process. Default true. */
  coldStart?: boolean | undefined;
  /** Requests per month and mean duration (ms) for the cost estimate, when the target has one. */
  cost?: Usage | undefined;
  /** Progress lines, one per step of long work. */
  onProgress?: ((line: string) => void) | undefined;
  /** What the shape leaves out of the app, said by whoever knows (the graphql shape's handlers with no field: carve/graphql). */
  shapeWarnings?: ShapeWarnings | undefined;
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
  remainder?: true | undefined;
  /** Bytes each package adds to the bundle (`carve` is carve's own, `app` the app's own code), largest first. */
  weights: Record<string, number>;
  /**
   * Milliseconds loading each large package (4 KB or more of the bundle) or external one costs: what this unit
   * imports of it, bundled alone and loaded in a fresh process. Absent when cold starts are not measured.
   */
  dependencyMs?: Record<string, number> | undefined;
  /** The secrets its handlers reach (`secret(name)`), the only ones its environment gets. */
  secrets?: string[] | undefined;
  /** The cloud resources its handlers reach, and the access its role gets to each: none other. */
  resources?: Record<string, Access> | undefined;
}

/** `carve-manifest.json`: what was built, for users, CI and the acceptance checks. */
export interface Manifest {
  shape: string;
  target: string;
  app: string;
  units: ManifestUnit[];
  warnings: string[];
  /** The zod locales the bundles carry, when they carry zod (`bundle.zodLocales` in carve.config.ts). */
  zodLocales?: ZodLocales | undefined;
  cost?: CostEstimate | undefined;
  /** The target's commands that deploy (or run) what was built, from where the build ran. */
  deploy?: string[] | undefined;
}

/** A unit to bundle: its handlers, and whether it is the one serving the legacy remainder. */
interface PlannedUnit extends UnitPlan {
  remainder: boolean;
  /** It serves no handler but answers for every route (404, 405, OPTIONS): the fallback unit of a platform that routes by method and path. */
  routesOnly: boolean;
}

/**
 * Builds an app in one shape for one target: one esbuild bundle per unit, the target's deployment files
 * and `carve-manifest.json`, in `<out>/<target>/<shape>/`. The folder is written whole or not at all.
 */
export async function buildApp(options: BuildOptions): Promise<Manifest> {
  const progress = options.onProgress ?? (() => undefined);
  const target = options.target;
  checkOutFolder(options.out ?? 'dist');
  checkStage(options.stage);
  // Handlers record the module that defines them, so units can leave out other units' modules.
  process.env['CARVE_RECORD_SOURCES'] = '1';
  const appModule = resolve(options.app);
  const { app, importBeside, shape, config } = await loadShapeInput(options, 'built');
  const settings = await targetSettings(config, target);
  const units = planBuild(app, shape, config.config.groups, target);
  const zodLocales = zodLocalesOf(config);
  checkZodLocales(zodLocales, appModule, config.file ?? 'carve.config.ts');
  try {
    target.check?.(app, settings);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // What each unit runs with, checked before anything is written; the route-only fallback unit runs no handler.
  const running = units.map((u) => ({ name: u.name, handlers: u.routesOnly ? [] : u.handlers }));
  const planned = planEnvironments(app, config, running, target);
  const environments = new Map(units.map((u, i) => [u.name, planned.environments[i]!]));
  const granted = planPermissions(app, config, running, target);
  const permissions = new Map(units.map((u, i) => [u.name, granted[i]!]));
  for (const [name, environment] of environments) {
    const refused = target.checkEnvironment?.({ ...environment.values, ...environment.secrets }, settings);
    if (refused) throw new UsageError(`unit ${name}: ${refused}`);
  }

  const finalDir = resolve(options.out ?? 'dist', target.name, shape);
  const stage = `${finalDir}.partial-${process.pid}`;
  rmSync(stage, { recursive: true, force: true });
  // The first folder this build made on the way to its stage, if any: a failed build takes them away again.
  const madeFrom = mkdirSync(stage, { recursive: true });
  const warnings: string[] = [...await shapeWarningsOf(app, shape, options.shapeWarnings), ...planned.warnings];
  try {
    const legacyModule = units.length > 1 && units.some((u) => u.remainder)
      ? await findRemainderModule(appModule, app.remainder!, importBeside) : undefined;
    if (legacyModule && 'reason' in legacyModule) warnings.push(legacyModule.reason);
    const built = await bundleUnits({ app, appModule, shape, target, settings, units, stage, finalDir, legacyModule, warnings, progress, zodLocales, measure: options.coldStart !== false });
    const staged = built.map((u) => ({ ...u, dir: join(stage, u.name) }));
    const context: EmitContext<unknown> = { app, shape, stage: options.stage, outDir: stage, units: staged, settings, bundle: (module) => bundleModule(module), environment: (unit) => environments.get(unit.name)!, permissions: (unit) => permissions.get(unit.name)! };
    writeFiles(stage, await target.emit(context));
    const coldStarts = options.coldStart === false ? staged.map(() => null) : await measureUnits(target, staged, stage, target.nodeOptions?.(settings) ?? [], progress);
    const dependencyMs = options.coldStart === false ? undefined : await measureLargeDependencies(built, stage, zodLocales, progress);
    warnings.push(...(target.limits?.(context) ?? []));
    const manifest: Manifest = {
      shape, target: target.name, app: app.name,
      units: built.map((u, i) => ({
        name: u.name, routes: u.routes, entry: `${u.name}/${u.entry}`, bundleBytes: u.bundleBytes, gzipBytes: u.gzipBytes,
        coldStartMs: coldStarts[i]!, modules: u.modules, externals: u.externals, ...(u.remainder ? { remainder: true as const } : {}), weights: u.weights,
        ...(dependencyMs ? { dependencyMs: dependencyMs[i] } : {}),
        ...(Object.keys(environments.get(u.name)!.secrets).length > 0 ? { secrets: Object.keys(environments.get(u.name)!.secrets) } : {}),
        ...(Object.keys(permissions.get(u.name)!.resources).length > 0 ? { resources: permissions.get(u.name)!.resources } : {}),
      })),
      warnings,
      ...(built.some((u) => u.trimmedZod) ? { zodLocales } : {}),
    };
    const deploy = target.deploy?.({ app, shape, stage: options.stage, dir: shownPath(finalDir), units: built, settings });
    if (deploy && deploy.length > 0) manifest.deploy = deploy;
    if (options.cost && target.cost) manifest.cost = target.cost(context, options.cost, coldStarts.filter((c): c is number => c !== null));
    writeFileSync(join(stage, 'carve-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(finalDir, { recursive: true, force: true });
    renameSync(stage, finalDir);
    return manifest;
  } finally {
    if (existsSync(stage)) {
      rmSync(stage, { recursive: true, force: true });
      if (madeFrom && madeFrom !== stage) removeEmptyUpTo(dirname(stage), madeFrom);
    }
  }
}

/** Removes `dir` and its parents up to `top`, while each is empty (another build may be writing beside it). */
function removeEmptyUpTo(dir: string, top: string): void {
  for (let at = dir; at.startsWith(top); at = dirname(at)) {
    if (readdirSync(at).length > 0) return;
    rmdirSync(at);
    if (at === top) return;
  }
}

/** `--stage`: a name every platform takes for a stage (API Gateway's letters, digits, - and _). */
function checkStage(stage: string | undefined): void {
  if (stage !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(stage)) {
    throw new UsageError(`--stage ${stage}: a stage name is letters, digits, - and _ (up to 64), such as dev or prod`);
  }
}

/** A path as the user reaches it from where they ran the build: relative below it, absolute elsewhere. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

/** `bundle.zodLocales` of the config, checked: `'all'` or a list of names; English only by default. */
function zodLocalesOf({ config, file }: LoadedConfig): ZodLocales {
  const given = config.bundle?.zodLocales;
  if (given === undefined) return DEFAULT_ZOD_LOCALES;
  if (given === 'all' || (Array.isArray(given) && given.every((l) => typeof l === 'string'))) return given;
  throw new UsageError(`${file ?? 'carve.config.ts'}: bundle.zodLocales must be 'all' or a list of locale names such as ['en', 'fr']`);
}

/** `--out` is a folder or can become one: a file on the way (`--out notes.txt`) is one line, before anything is built. */
function checkOutFolder(out: string): void {
  let path = resolve(out);
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  if (!statSync(path).isDirectory()) throw new UsageError(`--out ${out}: ${shownPath(path)} is a file, not a folder`);
}

/**
 * The shape's units, plus the unit that answers what theirs do not: a split app's legacy remainder is
 * carried by a single unit itself, else by a `legacy` unit of its own that gets whatever no other unit's
 * route matches. Without one, platforms that route by method and path get a route-only fallback unit
 * (every handler stubbed) that answers 404 and 405 for the whole app.
 */
function planBuild(app: App, shape: Shape, groups: Parameters<typeof planUnits>[2], target: TargetDescriptor<unknown>): PlannedUnit[] {
  let plans: UnitPlan[];
  try {
    plans = planUnits(app, shape, groups);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const legacy = app.remainder !== undefined && shape !== 'graphql';
  const units: PlannedUnit[] = plans.map((p) => ({ ...p, remainder: legacy && plans.length === 1, routesOnly: false }));
  if (plans.length > 1 && legacy) units.push({ name: 'legacy', handlers: [], remainder: true, routesOnly: true });
  else if (plans.length > 1 && target.fallbackUnit) units.push({ name: target.fallbackUnit, handlers: [], remainder: false, routesOnly: true });
  return units;
}

/** A unit as bundled: what the target is given, and what the manifest says of its bundle. */
type BundledUnit = BuiltUnit & Pick<BundleResult, 'trimmedZod' | 'weights' | 'boundaries'>;

async function bundleUnits(input: {
  app: App; appModule: string; shape: Shape; target: TargetDescriptor<unknown>; settings: unknown; units: PlannedUnit[]; stage: string; finalDir: string;
  legacyModule: RemainderStub | { reason: string } | undefined; warnings: string[]; progress: (line: string) => void; zodLocales: ZodLocales;
  /** Cold starts are measured: find what each unit imports of its large packages too. */
  measure: boolean;
}): Promise<BundledUnit[]> {
  const { app, target, units, stage, warnings } = input;
  const sources = new Map(app.handlers.map((h) => [h.id, h.source]));
  if ([...sources.values()].some((s) => s === undefined)) warnings.push('some handlers have no recorded source module; units could not be trimmed');
  const stubCache = new Map<string, string | undefined>();
  const entries = join(stage, '.entries');
  mkdirSync(entries, { recursive: true });
  const built: BundledUnit[] = [];
  const carrying: CarryingUnit[] = [];
  // The whole app's OpenAPI document, from the real handlers: a build artifact, and what the route-only unit serves.
  // Schemas whose library has no JSON Schema converter (plain valibot) make none: the units are built all the same.
  const documented = writeDocument(app, join(stage, DOCUMENT_FILE), warnings);
  for (const [i, unit] of units.entries()) {
    input.progress(`bundling ${i + 1}/${units.length}: ${unit.name}`);
    const own = new Set(unit.handlers.map((h) => h.source));
    const stubs = new Map<string, string>();
    for (const file of new Set(sources.values())) {
      if (!file || own.has(file)) continue;
      if (!stubCache.has(file)) stubCache.set(file, await stubSource(file));
      const stub = stubCache.get(file);
      if (stub) stubs.set(file, stub);
    }
    if (!unit.remainder && input.legacyModule && 'file' in input.legacyModule) stubs.set(input.legacyModule.file, input.legacyModule.source);
    // A route-only unit serves no handler: as a unit of the whole app it answers 404, 405 and OPTIONS as the monolith does.
    const ids = unit.routesOnly ? [] : unit.handlers.map((h) => h.id);
    const unitApp = join(entries, `${unit.name}.app.ts`);
    // The unit that answers what no route does (or the only unit) serves the document, read from beside its bundle.
    const servesDocument = documented && (unit.routesOnly || units.length === 1);
    writeFileSync(unitApp, unitAppSource(input.appModule, ids, input.shape === 'graphql', unit.remainder, servesDocument ? 'beside' : 'none'));
    const outfile = join(stage, unit.name, target.entry.file);
    const result = await bundleUnit({
      entry: unit.remainder ? target.entry.remainder ?? target.entry.module : target.entry.module,
      unitApp, settings: input.settings, outfile, stubs, target: target.bundle, zodLocales: input.zodLocales,
      publicOnly: !unit.remainder && unit.handlers.every((h) => h.spec.auth === 'public'), boundaries: input.measure,
    }).catch((error: unknown) => explainMissingPackage(error, `the ${unit.name} unit (--target ${target.name})`));
    if (servesDocument && input.shape !== 'graphql') copyFileSync(join(stage, DOCUMENT_FILE), join(dirname(outfile), DOCUMENT_FILE));
    for (const file of result.leaked) warnings.push(`${unit.name}: ${relative(process.cwd(), file)} belongs to another unit but was bundled whole`);
    for (const pkg of result.optionalMissing) if (!warnings.some((w) => w.startsWith(`${pkg} is imported by a dependency`))) warnings.push(`${pkg} is imported by a dependency and not installed: left out of the bundles, so requiring it fails at run time only if that code runs, as it would unbundled`);
    carrying.push({ name: unit.name, handlers: unit.routesOnly ? [] : unit.handlers, inputs: result.inputs, entry: result.entryPoint });
    built.push({
      name: unit.name, handlerIds: ids,
      routes: unit.routesOnly ? [] : input.shape === 'graphql' ? GRAPHQL_ROUTES : unit.handlers.map((h) => ({ method: h.method, path: h.path })),
      dir: join(input.finalDir, unit.name), entry: target.entry.file, bundleBytes: result.bytes, gzipBytes: result.gzipBytes,
      externals: result.externals, modules: Object.keys(result.inputs).length, remainder: unit.remainder, trimmedZod: result.trimmedZod, weights: result.weights, boundaries: result.boundaries,
    });
  }
  for (const file of new Set([...stubCache.entries()].filter(([, s]) => s === undefined).map(([f]) => f))) {
    warnings.push(`${relative(process.cwd(), file)} exports more than handlers, so it is bundled whole wherever it is imported`);
  }
  warnings.push(...carriedForOthers(app, carrying));
  rmSync(entries, { recursive: true, force: true });
  return built;
}

/** Writes the app's OpenAPI document; where it cannot be made, says why in a warning instead. */
function writeDocument(app: App, file: string, warnings: string[]): boolean {
  try {
    writeFileSync(file, `${JSON.stringify(app.openapi(), null, 2)}\n`);
    return true;
  } catch (error) {
    warnings.push(`no ${DOCUMENT_FILE} (no unit serves one): ${(error as Error).message}`);
    return false;
  }
}

async function measureUnits(target: TargetDescriptor<unknown>, units: BuiltUnit[], stage: string, nodeOptions: readonly string[], progress: (line: string) => void): Promise<(number | null)[]> {
  if (!target.probe) return units.map(() => null);
  // The probe is the target's own module; bundled into the stage, so it runs on plain Node from source or dist.
  const probe = join(stage, '.probe.mjs');
  writeFileSync(probe, await bundleModule(target.probe, { packagesExternal: true }));
  const times: (number | null)[] = [];
  for (const [i, unit] of units.entries()) {
    progress(`measuring cold start ${i + 1}/${units.length}: ${unit.name}`);
    try {
      times.push(Math.round(measureColdStart(probe, unit, { nodeOptions }) * 10) / 10);
    } catch (error) {
      explainMissingPackage(error, `measuring the cold start of ${unit.name} (skip it with --no-cold-start)`);
    }
  }
  rmSync(probe, { force: true });
  return times;
}

/** What each unit's large packages, and its external ones (native addons), cost it to load. */
async function measureLargeDependencies(units: readonly BundledUnit[], stage: string, zodLocales: ZodLocales, progress: (line: string) => void): Promise<Record<string, number>[]> {
  progress('measuring what each large dependency costs');
  return measureDependencies(units.map((u) => ({ bundled: u.boundaries ?? {}, external: Object.keys(u.externals) })), stage, { zodLocales });
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}
