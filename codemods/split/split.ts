import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Node, ts } from 'ts-morph';
import { analyzeProject } from '../analyze/analyze.js';
import { builtBy } from '../analyze/express-bindings.js';
import { AnalyzeError, type Warning } from '../analyze/types.js';
import { blockerCode, convertRoute, isBodyParser } from './convert.js';
import { stay, type RemainderCode, type SharedBinding } from './stay.js';
import { guardModules, type ConvertibleErrorGuard, type ConvertibleGuard } from './guards.js';
import { kebab, unique } from './names.js';
import { commonJsSpecifiers, findUp, specifierFor } from './paths.js';
import { compatModules, type CompatModule } from './compat.js';
import { appWideMiddleware } from './app-middleware.js';
import { CarriedModule } from './carry.js';
import { applyEdits, editsSummary, type EntryEdit } from './entry-edit.js';
import { legacyImportOf } from './legacy.js';
import { memoryState, statelessMiddleware, unitState } from './memory-state.js';
import { platformMiddleware } from './platform-middleware.js';
import { writePlan, type FileChange } from './runner.js';
import { appModule, appModuleNames, compatHandlerModule, depsModule, expressHelper, guardModule, handlerModule, serverModule } from './templates.js';

export interface SplitOptions {
  /** Where the carve app goes. Default `<dir>/carve`. */
  out?: string | undefined;
  /** Plan only: write nothing, give the diff. */
  dry?: boolean | undefined;
  /** Write even into a git tree with uncommitted changes. */
  force?: boolean | undefined;
}

interface RouteRef {
  method: string;
  path: string;
  file: string;
  line: number;
}

export interface SplitReport {
  summary: SplitSummary;
  inventory: RouteRef[];
  /**
   * Routes now served by carve handlers: `sdk` ones rewritten onto the SDK, `compat` ones running their Express
   * code as it is through `carve/compat/express` (with `rewrite`, why carve split could not rewrite them yet).
   */
  converted: (RouteRef & { handler: string; mode: 'sdk' | 'compat'; rewrite?: string | undefined })[];
  /** Routes left in the legacy app, with every reason found. */
  remainder: (RouteRef & { code: RemainderCode; reason: string; reasons: string[] })[];
  files: string[];
  /** The smallest edits made to the legacy entry so the split app can import its app (an export, a main check), by this split or an earlier one. */
  edits: { file: string; line: number; change: string }[];
  warnings: Warning[];
}

export interface SplitSummary {
  found: number;
  converted: number;
  sdk: number;
  compat: number;
  left: number;
  /** The share of routes carve serves, in percent. */
  share: number;
  /** Routes left, by reason code. */
  leftBy: Record<string, number>;
  /** Routes moved through the compat layer, by what kept them from being rewritten. */
  compatBy: Record<string, number>;
  /** What runs before the app serves (the legacy module's own top-level code), when the strangler mounts it. */
  legacy?: string | undefined;
}

export interface SplitResult {
  report: SplitReport;
  /** Unified diff of every file the split writes (against what is there now). */
  diff: string;
  /** What happened to each file; all `unchanged` on a second run. */
  changes: FileChange[];
  /** Every file the split writes (or would write), by path relative to the out folder. */
  files: Record<string, string>;
  /** Packages the split app imports that the app's folder does not have installed (the CLI says how to add them). */
  missing: string[];
}

/**
 * Moves every route that converts safely onto the carve SDK, grouped by resource, and leaves the rest in
 * the legacy app, each with its reason: `server` mounts the carve routes ahead of the legacy app (strangler fig).
 * The legacy files are not touched, except for the smallest edit that lets the split app import an app its
 * entry does not export or listens with at import (`edits`, in the diff). Deterministic, so a second run changes nothing.
 */
export function split(dir: string, options: SplitOptions = {}): SplitResult {
  const root = resolve(dir);
  return splitKeeping(root, analyzeProject(root), options, new Map());
}

/** An app made by a module's own top-level code (`const app = express()`), not inside a function it may never call. */
function madeAtModuleLevel(decl: Node): boolean {
  return !decl.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isMethodDeclaration(a));
}

/**
 * The split of an analyzed app, with routes kept in the legacy app whatever they convert to (`keptInLegacy`: route
 * key → why). A re-plan reuses the analysis: nothing here changes it.
 */
function splitKeeping(root: string, analyzed: ReturnType<typeof analyzeProject>, options: SplitOptions, keptInLegacy: Map<string, string>): SplitResult {
  const out = resolve(options.out ?? join(root, 'carve'));
  const { analysis, handlers, middleware: middlewareOf, errorMiddleware: errorMiddlewareOf, roots, carriers, routables } = analyzed;
  const typescript = existsSync(join(root, 'tsconfig.json')) || analysis.routes.some((r) => r.file.endsWith('.ts'));
  const ext = typescript ? 'ts' : 'mjs';
  const files = new Map<string, string>();
  const report: SplitReport = { summary: { found: 0, converted: 0, sdk: 0, compat: 0, left: 0, share: 0, leftBy: {}, compatBy: {} }, inventory: [], converted: [], remainder: [], files: [], edits: [], warnings: [...analysis.warnings] };
  // A router is its registrations too: it comes along only as its own module's export, never as a copy.
  const refuse = (decl: Node) => {
    const name = (decl as Node & { getName?(): string }).getName?.() ?? '';
    if (roots.includes(decl)) return `uses the legacy app ${name} itself`;
    if (routables.includes(decl)) return `its router ${name} is defined beside the app in ${decl.getSourceFile().getBaseName()}; move it to a module of its own that exports it`;
    return undefined;
  };
  // cors(…) and rateLimit(…) in front of every route become carve's own on the whole app; its routes are then free of them.
  // What their options are computed from (`max: RATE_LIMIT_GLOBAL`) comes along into the app module.
  const appCarried = new CarriedModule(join(out, `app.${ext}`), refuse, appModuleNames(analysis.routes.length));
  const { middleware: appMiddleware, warnings: appMiddlewareWarnings } = appWideMiddleware(analysis.routes, carriers, root, (node) => appCarried.carry(node));
  report.warnings.push(...appMiddlewareWarnings);
  // One middleware instance, however a route names it: its call, or the const that holds the call (`app.use(limiter)`).
  const instance = (node: Node) => builtBy(node) ?? node;
  const mappedCalls = new Set(appMiddleware.map((m) => instance(m.node)));
  const isMapped = (node: Node | undefined) => !!node && mappedCalls.has(instance(node));
  const compat = compatModules({ root, out, ext, mapped: isMapped, refuse });
  const usedCompat = new Set<CompatModule>();
  const compatBy: Record<string, number> = {};
  const importExt = ext === 'ts' ? 'js' : 'mjs';
  const modules: { file: string; exportName: string }[] = [];
  const deps = sharedDeps(join(out, `deps.${ext}`));
  const names = new Set<string>();
  const guards = guardModules({ root, out, ext });
  // The middleware in front of routes left in the legacy app, and of the routes moved (SPLIT_STATE, SHARED_STATE below).
  const leftFront = new Set<Node>();
  const movedFront = new Map<Node, string[]>();

  for (const route of analysis.routes) {
    const ref = { method: route.method, path: route.path, file: route.file, line: route.line };
    report.inventory.push(ref);
    const keptFor = keptInLegacy.get(routeKey(ref));
    if (keptFor) {
      report.remainder.push({ ...ref, code: 'SHARED_STATE', reason: keptFor, reasons: [keptFor] });
      for (const f of carriers.get(route)?.front ?? []) leftFront.add(instance(f.node));
      continue;
    }
    for (const f of carriers.get(route)?.front ?? []) movedFront.set(instance(f.node), [...(movedFront.get(instance(f.node)) ?? []), routeKey(ref)]);
    const exportName = unique(names, routeName(route.method, route.path));
    const file = join(out, 'handlers', route.group, `${kebab(exportName)}.${ext}`);
    const fn = handlers.get(route);
    const chain = middlewareOf.get(route) ?? [];
    // Body parsers (carve parses), request loggers and compression (carve's access log, the platform) are left out,
    // and so are the cors(…) and rateLimit(…) carve's own replace.
    const inChain = route.middleware.map((label, i) => ({ label, node: chain[i], platform: platformMiddleware(chain[i], root) }));
    const kept = inChain.filter((m) => !isBodyParser(m.label) && !m.platform && !isMapped(m.node));
    const leftOut = inChain.flatMap((m) => (m.platform ? [m.platform] : []));
    const routeGuards = kept.map((m) => guards.of(m.label, m.node));
    const routeErrorGuards = (errorMiddlewareOf.get(route) ?? []).map((node, i) => guards.errorsOf(route.errorHandlers[i]!, node));
    let conversion = fn ? convertRoute(route, fn, file, routeGuards.map((g) => g.result), routeErrorGuards.map((g) => g.result), kept.map((m) => m.label))
      : route.blockers[0] ? stay(blockerCode(route.blockers[0]), route.blockers.join('; ')) : stay('UNRESOLVED_HANDLER', 'handler not found statically');
    // Error middleware matters only to a route that can fail.
    const errorGuards = conversion.ok && conversion.expressErrors ? routeErrorGuards as ConvertibleErrorGuard[] : [];
    // The handler injects what it and its guards share, by the names they use: one name, one value.
    const shared = new Map<string, SharedBinding>();
    if (conversion.ok) {
      const own = conversion;
      for (const binding of [...own.deps, ...[...routeGuards, ...errorGuards].flatMap((g) => (g.result.ok ? g.result.deps : []))]) {
        const seen = shared.get(binding.local);
        const clash = (seen && (seen.file !== binding.file || seen.binding !== binding.binding)) || (!own.deps.some((d) => d.local === binding.local) && own.taken.has(binding.local));
        if (clash) conversion = stay('MIDDLEWARE', `a middleware's ${binding.local} and the handler's own ${binding.local} are different things`);
        else shared.set(binding.local, binding);
      }
    }
    if (!conversion.ok) {
      const moved = compat.of(route, carriers.get(route));
      if (!moved.ok) {
        const reasons = unique2([conversion.reason, moved.reason, ...route.blockers]);
        report.remainder.push({ ...ref, code: moved.code === 'PATH_SYNTAX' || moved.code === 'UNRESOLVED_HANDLER' ? moved.code : conversion.code, reason: moved.reason, reasons });
        for (const f of carriers.get(route)?.front ?? []) leftFront.add(instance(f.node));
        continue;
      }
      usedCompat.add(moved.module);
      compatBy[conversion.code] = (compatBy[conversion.code] ?? 0) + 1;
      noteLeftOut(report, moved.left);
      for (const note of moved.notes) if (!report.warnings.some((w) => w.message === note)) report.warnings.push({ code: 'MODULE_STATE', file: moved.module.from.replace(/:\d+$/, ''), line: 0, message: note });
      files.set(file, compatHandlerModule({
        comment: `Moved by carve split from ${route.file}:${route.line} (${route.method} ${route.path}): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: ${conversion.reason}.`,
        exportName, method: route.method, path: moved.carvePath, group: route.group, compatName: moved.module.exportName,
        compatPath: `../_compat/${basename(moved.module.file).replace(/\.ts$/, '.js')}`,
      }));
      modules.push({ file: `./${relative(out, file).replace(/\.ts$/, '.js')}`, exportName });
      report.converted.push({ ...ref, handler: relative(out, file), mode: 'compat', rewrite: conversion.reason });
      continue;
    }
    noteLeftOut(report, leftOut);
    for (const g of [...routeGuards, ...errorGuards]) guards.used.add(g as ConvertibleGuard | ConvertibleErrorGuard);
    files.set(file, handlerModule({
      comment: `Converted by carve split from ${route.file}:${route.line} (${route.method} ${route.path}).`,
      exportName, method: route.method, group: route.group, route: conversion,
      helperPath: `../_express.${importExt}`, depsPath: `../../deps.${importExt}`,
      tokens: [...shared].map(([local, binding]) => ({ local, token: deps.tokenFor(binding) })),
      guards: (routeGuards as ConvertibleGuard[]).map(guardImport),
      errorGuards: errorGuards.map(guardImport),
      typescript,
    }));
    modules.push({ file: `./${relative(out, file).replace(/\.ts$/, '.js')}`, exportName });
    report.converted.push({ ...ref, handler: relative(out, file), mode: 'sdk' });
  }
  for (const module of compat.written(usedCompat)) files.set(module.file, module.text);
  // A middleware that keeps its state in memory (a session MemoryStore) in front of routes left behind keeps the
  // routes behind it there too: a second instance in front of moved routes would be a second, empty state. The
  // split is planned again with them kept (each pass keeps more, so it ends).
  const keep = new Map<string, string>();
  for (const node of leftFront) {
    // carve's own, on the whole app, counts the requests of the legacy app too: one state, as before.
    const what = isMapped(node) ? undefined : memoryState(node);
    if (!what) continue;
    const where = `${relative(root, node.getSourceFile().getFilePath())}:${node.getStartLineNumber()}`;
    for (const key of movedFront.get(node) ?? []) {
      if (report.converted.some((c) => routeKey(c) === key)) keep.set(key, `${node.getText().replace(/\(.*$/s, '')}(…) (${where}) ${what} and serves routes left in the legacy app: moved, this route would see another, empty one; give it a store outside the process (connect-redis, a database), then split again`);
    }
  }
  if (keep.size > 0) return splitKeeping(root, analyzed, options, new Map([...keptInLegacy, ...keep]));
  // A middleware instance in front of moved routes and of routes left behind now exists twice: what it keeps in
  // memory (a session MemoryStore, a rate-limit counter) is no longer one.
  for (const node of compat.sharedFront().filter((n) => leftFront.has(n) && !isBodyParser(n.getText()) && !statelessMiddleware(n))) {
    report.warnings.push({ code: 'SPLIT_STATE', file: relative(root, node.getSourceFile().getFilePath()), line: node.getStartLineNumber(),
      message: `${node.getText().replace(/\(.*$/s, '')}(…) runs in front of moved routes and of routes left in the legacy app, as two instances: state it keeps in memory (a session MemoryStore, a rate-limit counter) is not shared between them; keep it outside the process (a session store, Redis) or move the routes left` });
  }
  for (const node of compat.sharedFront().filter((n) => !leftFront.has(n))) {
    const message = unitState(node);
    if (message) report.warnings.push({ code: 'UNIT_STATE', file: relative(root, node.getSourceFile().getFilePath()), line: node.getStartLineNumber(), message });
  }
  if (report.converted.length + report.remainder.length !== report.inventory.length) {
    throw new Error(`carve split lost a route: ${report.inventory.length} found, ${report.converted.length} converted, ${report.remainder.length} left`);
  }

  for (const guard of guards.used) {
    files.set(guard.file, guardModule({
      comment: `Converted by carve split from ${guard.where} (${'error' in guard.result ? 'error middleware' : 'middleware'}), for every converted route it covers.`,
      exportName: guard.exportName, guard: guard.result, helperPath: `../_express.${importExt}`, depsPath: `../../deps.${importExt}`,
      tokens: guard.result.deps.map((d) => ({ local: d.local, token: deps.tokenFor(d) })), typescript,
    }));
  }
  if (report.converted.some((c) => c.mode === 'sdk')) files.set(join(out, 'handlers', `_express.${ext}`), expressHelper(typescript));
  if (deps.entries.length > 0) files.set(deps.file, depsModule(deps.entries));
  const edits: EntryEdit[] = [];
  const legacyRoot = roots.find(madeAtModuleLevel) ?? roots[0];
  const legacyRef = legacyImportOf(legacyRoot, out, report.warnings, edits);
  const legacy = legacyRef?.line;
  // Routes registered by computed code (`app[method](path, …)`) are in no inventory, but they are there: the legacy
  // app that has them must be mounted as surely as for the routes listed as left.
  const unlisted = report.warnings.filter((w) => w.code === 'DYNAMIC_ROUTE');
  if (!legacy && (report.remainder.length > 0 || unlisted.length > 0)) {
    const why = report.warnings.find((w) => w.code === 'LEGACY_LISTENS' || w.code === 'LEGACY_NOT_EXPORTED');
    const codes = Object.entries(summarize(report, compatBy, undefined).leftBy).map(([code, n]) => `${code} ${n}`).join(', ');
    const left = report.remainder.length > 0
      ? `${report.remainder.length} of ${report.inventory.length} routes stay in the legacy app (${codes})`
      : `the routes registered by computed code (${unlisted.map((w) => `${w.file}:${w.line}`).join(', ')}) stay in the legacy app`;
    throw new AnalyzeError(`${left}, which the split app cannot mount: ${why ? `${why.file}:${why.line}: ${why.message}` : 'no legacy app was found'}`);
  }
  report.summary = summarize(report, compatBy, legacyRef ? `the legacy module ${relative(root, legacyRef.file)} is imported by the split app; its top-level code (connections, settings) runs there at start-up` : undefined);
  const made = editsSummary(edits, root);
  report.edits = [...earlierEdits(join(out, 'split-report.json'), root).filter((e) => !made.some((m) => m.file === e.file && m.change === e.change)), ...made];
  for (const file of new Set(edits.map((e) => e.file))) {
    const source = legacyRoot!.getProject().getSourceFileOrThrow(file);
    files.set(file, applyEdits(source, edits.filter((e) => e.file === file)));
  }
  files.set(join(out, `app.${ext}`), appModule(basename(root), modules, legacy, appMiddleware, { imports: [...appCarried.imports.values()], declarations: [...appCarried.declarations.values()] }));
  if (legacy) files.set(join(out, `server.${ext}`), serverModule(`./app.${importExt}`, legacy));
  if (typescript && commonJsTypeScript(roots[0])) {
    for (const [file, text] of files) if (file.startsWith(out) && file.endsWith('.ts')) files.set(file, commonJsSpecifiers(text));
  }
  // The out folder's own files (the edits to legacy files are in report.edits).
  report.files = [...files.keys()].filter((f) => !edits.some((e) => e.file === f)).map((f) => relative(out, f)).sort();
  files.set(join(out, 'split-report.json'), `${JSON.stringify(report, null, 2)}\n`);

  const planned = Object.fromEntries([...files].map(([f, text]) => [relative(out, f), text]));
  const missing = missingPackages(root, report, !!legacy);
  return { report, files: planned, missing, ...writePlan(files, out, options) };
}

/**
 * What the split app imports beyond the legacy app's own packages: carve, and @vendia/serverless-express for
 * the compat layer and the legacy unit (their peer, loaded at the first request: without it each such request is a 500).
 */
function missingPackages(root: string, report: SplitReport, mountsLegacy: boolean): string[] {
  const needed = ['carve', ...(mountsLegacy || report.converted.some((c) => c.mode === 'compat') ? ['@vendia/serverless-express'] : [])];
  const installed = (pkg: string) => findUp(root, (dir) => existsSync(join(dir, 'node_modules', pkg, 'package.json')) || undefined) !== undefined;
  return needed.filter((pkg) => !installed(pkg));
}

/** The edits an earlier split made to legacy files that are still there: the split app still relies on them. */
function earlierEdits(reportFile: string, root: string): SplitReport['edits'] {
  if (!existsSync(reportFile)) return [];
  try {
    const earlier = (JSON.parse(readFileSync(reportFile, 'utf8')) as Partial<SplitReport>).edits ?? [];
    return earlier.filter((e) => existsSync(join(root, e.file)));
  } catch {
    return [];
  }
}

/** How a handler module imports a guard module (both under `handlers/`). */
function guardImport<G extends ConvertibleGuard | ConvertibleErrorGuard>(g: G): { exportName: string; path: string; guard: G['result'] } {
  return { exportName: g.exportName, path: `../_middleware/${basename(g.file).replace(/\.ts$/, '.js')}`, guard: g.result };
}

/** One DI token per shared binding, named after the binding (`db` → `Db`), however many handlers use it. */
function sharedDeps(file: string) {
  const entries: Parameters<typeof depsModule>[0] = [];
  const tokens = new Map<string, string>();
  const moduleLocals = new Map<string, string>();
  const taken = new Set<string>(['token']);
  return {
    file,
    entries,
    tokenFor(shared: SharedBinding): string {
      const key = `${shared.file}#${shared.binding}`;
      const known = tokens.get(key);
      if (known) return known;
      const token = unique(taken, shared.local.charAt(0).toUpperCase() + shared.local.slice(1));
      const importKey = shared.cjs ? `${shared.file}#default` : key;
      const moduleLocal = moduleLocals.get(importKey)
        ?? unique(taken, shared.cjs && shared.binding !== 'default' ? basename(shared.file).replace(/\..*$/, '').replace(/\W+(\w)/g, (_m, c: string) => c.toUpperCase()) : shared.local);
      moduleLocals.set(importKey, moduleLocal);
      tokens.set(key, token);
      entries.push({ token, spec: specifierFor(shared.file, file), moduleLocal, binding: shared.binding, cjs: shared.cjs, compiled: shared.compiled });
      return token;
    },
  };
}

/** Whether the app's tsconfig compiles to CommonJS (`module: commonjs`, or Node 10 resolution). */
function commonJsTypeScript(node: Node | undefined): boolean {
  const options = node?.getProject().getCompilerOptions();
  return !!options && (options.module === ts.ModuleKind.CommonJS || options.moduleResolution === ts.ModuleResolutionKind.Node10);
}

const routeKey = (r: RouteRef) => `${r.method} ${r.path} ${r.file}:${r.line}`;


function routeName(method: string, path: string): string {
  const words = [method === 'ANY' ? 'any' : method.toLowerCase()];
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^:(\w+)$/.exec(segment);
    words.push(...(param ? ['by', param[1]!] : segment.split(/[^A-Za-z0-9]+/)).filter(Boolean));
  }
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function summarize(report: SplitReport, compatBy: Record<string, number>, legacy: string | undefined): SplitSummary {
  const leftBy: Record<string, number> = {};
  for (const r of report.remainder) leftBy[r.code] = (leftBy[r.code] ?? 0) + 1;
  const found = report.inventory.length;
  const sdk = report.converted.filter((c) => c.mode === 'sdk').length;
  return {
    found, converted: report.converted.length, sdk, compat: report.converted.length - sdk, left: report.remainder.length,
    share: found === 0 ? 0 : Math.round((report.converted.length / found) * 1000) / 10,
    leftBy: sortedCounts(leftBy), compatBy: sortedCounts(compatBy), legacy,
  };
}

/** Once per middleware: what the split app leaves out, and why (a logger, compression). */
function noteLeftOut(report: SplitReport, notes: Warning[]): void {
  for (const note of notes) if (!report.warnings.some((w) => w.message === note.message)) report.warnings.push(note);
}

const sortedCounts = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
const unique2 = (list: string[]) => [...new Set(list)];
