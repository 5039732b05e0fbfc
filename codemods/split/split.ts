import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Node, SyntaxKind } from 'ts-morph';
import { analyzeProject } from '../analyze/analyze.js';
import { AnalyzeError, type Warning } from '../analyze/types.js';
import { convertRoute, isBodyParser, stay, type RemainderCode, type SharedBinding } from './convert.js';
import { guardModules, type ConvertibleErrorGuard, type ConvertibleGuard } from './guards.js';
import { kebab, unique } from './names.js';
import { specifierFor } from './paths.js';
import { appModule, depsModule, expressHelper, guardModule, handlerModule, serverModule } from './templates.js';

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
  inventory: RouteRef[];
  converted: (RouteRef & { handler: string })[];
  remainder: (RouteRef & { code: RemainderCode; reason: string })[];
  files: string[];
  warnings: Warning[];
}

export interface SplitResult {
  report: SplitReport;
  /** Unified diff of every file the split writes (against what is there now). */
  diff: string;
  /** What happened to each file; all `unchanged` on a second run. */
  changes: { file: string; change: 'created' | 'updated' | 'unchanged' | 'planned' }[];
  /** Every file the split writes (or would write), by path relative to the out folder. */
  files: Record<string, string>;
}

/**
 * Moves every route that converts safely onto the carve SDK, grouped by resource, and leaves the rest in
 * the legacy app, each with its reason. The legacy files are not touched: `server` mounts the carve
 * routes ahead of the legacy app (strangler fig). Deterministic, so a second run changes nothing.
 */
export function split(dir: string, options: SplitOptions = {}): SplitResult {
  const root = resolve(dir);
  const out = resolve(options.out ?? join(root, 'carve'));
  const { analysis, handlers, middleware: middlewareOf, errorMiddleware: errorMiddlewareOf, roots } = analyzeProject(root);
  const typescript = existsSync(join(root, 'tsconfig.json')) || analysis.routes.some((r) => r.file.endsWith('.ts'));
  const ext = typescript ? 'ts' : 'mjs';
  const files = new Map<string, string>();
  const report: SplitReport = { inventory: [], converted: [], remainder: [], files: [], warnings: [...analysis.warnings] };
  const importExt = ext === 'ts' ? 'js' : 'mjs';
  const modules: { file: string; exportName: string }[] = [];
  const deps = sharedDeps(join(out, `deps.${ext}`));
  const names = new Set<string>();
  const guards = guardModules({ root, out, ext });

  for (const route of analysis.routes) {
    const ref = { method: route.method, path: route.path, file: route.file, line: route.line };
    report.inventory.push(ref);
    const exportName = unique(names, routeName(route.method, route.path));
    const file = join(out, 'handlers', route.group, `${kebab(exportName)}.${ext}`);
    const fn = handlers.get(route);
    const chain = middlewareOf.get(route) ?? [];
    const routeGuards = route.middleware.map((label, i) => ({ label, node: chain[i] })).filter((m) => !isBodyParser(m.label)).map((m) => guards.of(m.label, m.node));
    const routeErrorGuards = (errorMiddlewareOf.get(route) ?? []).map((node, i) => guards.errorsOf(route.errorHandlers[i]!, node));
    let conversion = fn ? convertRoute(route, fn, file, routeGuards.map((g) => g.result), routeErrorGuards.map((g) => g.result)) : stay('UNRESOLVED_HANDLER', 'handler not found statically');
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
      report.remainder.push({ ...ref, code: conversion.code, reason: conversion.reason });
      continue;
    }
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
    report.converted.push({ ...ref, handler: relative(out, file) });
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
  files.set(join(out, 'handlers', `_express.${ext}`), expressHelper(typescript));
  if (deps.entries.length > 0) files.set(deps.file, depsModule(deps.entries));
  const legacy = legacyImport(roots[0], out, report.warnings);
  files.set(join(out, `app.${ext}`), appModule(basename(root), modules, legacy));
  if (legacy) files.set(join(out, `server.${ext}`), serverModule(`./app.${importExt}`, legacy));
  report.files = [...files.keys()].map((f) => relative(out, f)).sort();
  files.set(join(out, 'split-report.json'), `${JSON.stringify(report, null, 2)}\n`);

  const diff = [...files].map(([file, text]) => {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return before === text ? '' : createTwoFilesPatch(existsSync(file) ? relative(process.cwd(), file) : '/dev/null', relative(process.cwd(), file), before, text);
  }).filter(Boolean).join('');

  const planned = Object.fromEntries([...files].map(([f, text]) => [relative(out, f), text]));
  if (options.dry) return { report, diff, files: planned, changes: [...files.keys()].map((f) => ({ file: relative(out, f), change: 'planned' as const })) };
  if (!options.force) refuseDirtyTree(out);
  const changes: SplitResult['changes'] = [];
  for (const [file, text] of files) {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const change = before === undefined ? 'created' : before === text ? 'unchanged' : 'updated';
    if (change !== 'unchanged') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    changes.push({ file: relative(out, file), change });
  }
  return { report, diff, changes, files: planned };
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
      entries.push({ token, spec: specifierFor(shared.file, file), moduleLocal, binding: shared.binding, cjs: shared.cjs });
      return token;
    },
  };
}

/** How the strangler imports the legacy app, or a warning why it cannot. */
function legacyImport(rootApp: Node | undefined, out: string, warnings: Warning[]): string | undefined {
  if (!rootApp || !Node.isVariableDeclaration(rootApp)) return undefined;
  const file = rootApp.getSourceFile();
  const name = rootApp.getName();
  const where = { file: relative(process.cwd(), file.getFilePath()), line: rootApp.getStartLineNumber() };
  const rel = relative(out, file.getFilePath()).replace(/\.ts$/, '.js');
  const spec = rel.startsWith('.') ? rel : `./${rel}`;
  const text = file.getFullText();
  if (file.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => c.getExpression().getText() === `${name}.listen`)) {
    warnings.push({ code: 'LEGACY_LISTENS', ...where, message: `${name}.listen() runs when the legacy module is imported: move it to an entry file of its own, so the strangler can mount the app` });
    return undefined;
  }
  if (new RegExp(`module\\.exports\\s*=\\s*${name}\\b|export\\s+default\\s+${name}\\b`).test(text)) return `import legacy from '${spec}';`;
  if (new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(text) || new RegExp(`export\\s+const\\s+${name}\\b`).test(text)) return `import { ${name} as legacy } from '${spec}';`;
  warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app ${name} is not exported; export it so the strangler can mount it behind the carve routes` });
  return undefined;
}

function refuseDirtyTree(out: string): void {
  let dir = out;
  while (!existsSync(dir)) dir = dirname(dir);
  let status: string;
  try {
    status = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return; // not a git checkout
  }
  if (status.trim() !== '') throw new AnalyzeError(`the git tree at ${dir} has uncommitted changes; commit or stash them, or pass --force`);
}

function routeName(method: string, path: string): string {
  const words = [method === 'ANY' ? 'any' : method.toLowerCase()];
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^:(\w+)$/.exec(segment);
    words.push(...(param ? ['by', param[1]!] : segment.split(/[^A-Za-z0-9]+/)).filter(Boolean));
  }
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
