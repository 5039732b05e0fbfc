import type { Manifest, ManifestUnit } from 'carve/build';
import type { Analysis, SplitResult } from 'carve/codemods';

/** The build report: one row per unit, then warnings and the cost estimate. */
export function printManifest(manifest: Manifest, out: string): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  // The packages that weigh most in each unit (carve's own and the app's code aside) and what loading each costs, as
  // `zod 21.2 KB 1.9 ms, tsyringe 8.1 KB 0.8 ms`; then external ones (native addons), which cost time but no bytes.
  const heaviest = ({ weights, externals, dependencyMs = {} }: ManifestUnit) => {
    const ms = (name: string) => (dependencyMs[name] === undefined ? '' : ` ${dependencyMs[name]} ms`);
    const bundled = Object.entries(weights).filter(([name, bytes]) => name !== 'carve' && name !== 'app' && bytes >= 4096).slice(0, 3).map(([name, bytes]) => `${name} ${kb(bytes)}${ms(name)}`);
    return [...bundled, ...Object.keys(externals).map((name) => `${name} (external)${ms(name)}`)].join(', ') || '-';
  };
  const rows = manifest.units.map((u) => [u.name, String(u.routes.length), kb(u.bundleBytes), kb(u.gzipBytes), u.coldStartMs === null ? '-' : `${u.coldStartMs} ms`, heaviest(u)]);
  const header = ['unit', 'routes', 'bundle', 'gzip', 'cold start', 'largest packages (load ms)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((c, i) => (i === 0 || i === row.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  const withSecrets = manifest.units.filter((u) => u.secrets);
  if (withSecrets.length > 0) console.log(`secrets, only where the handlers read them: ${withSecrets.map((u) => `${u.name} (${u.secrets!.join(', ')})`).join(', ')}`);
  const withResources = manifest.units.filter((u) => u.resources);
  if (withResources.length > 0) {
    console.log(`access, only where the handlers use it: ${withResources.map((u) => `${u.name} (${Object.entries(u.resources!).map(([name, access]) => `${name} ${access}`).join(', ')})`).join(', ')}`);
  }
  for (const warning of manifest.warnings) console.log(`warning: ${warning}`);
  if (manifest.zodLocales && manifest.zodLocales !== 'all') {
    console.log(`zod locales bundled: ${manifest.zodLocales.join(', ')} (the others are left out; bundle.zodLocales in carve.config.ts keeps them)`);
  }
  if (manifest.cost) console.log(`estimated monthly cost (${manifest.cost.requestsPerMonth} requests, ${manifest.cost.averageDurationMs} ms): $${manifest.cost.usd.total}`);
  console.log(`wrote ${out}/${manifest.target}/${manifest.shape}/ (${manifest.units.length} units, carve-manifest.json)`);
  if (manifest.deploy) console.log(['to deploy it:', ...manifest.deploy.map((line) => `  ${line}`)].join('\n'));
}

export function printAnalysis(analysis: Analysis): void {
  for (const group of analysis.groups) {
    console.log(`${group.name} (${group.routes.length})`);
    for (const r of analysis.routes.filter((x) => x.group === group.name)) {
      console.log(`  ${r.method.padEnd(7)} ${r.path.padEnd(40)} ${r.file}:${r.line}${r.middleware.length ? `  [${r.middleware.join(', ')}]` : ''}${r.blockers.length ? `  ! ${r.blockers.join('; ')}` : ''}`);
    }
  }
  for (const w of analysis.warnings) console.log(`warning ${w.code} ${w.file}:${w.line}: ${w.message}`);
  console.log(`${analysis.routes.length} routes in ${analysis.groups.length} groups, ${analysis.warnings.length} warnings`);
}

export function printSplit({ report, diff, changes, missing }: SplitResult, dry: boolean): void {
  for (const c of report.converted) console.log(`${c.mode === 'sdk' ? 'converted' : 'compat   '}  ${c.method.padEnd(7)} ${c.path.padEnd(36)} → ${c.handler}${c.rewrite ? `  (not rewritten: ${c.rewrite})` : ''}`);
  for (const r of report.remainder) console.log(`legacy     ${r.method.padEnd(7)} ${r.path.padEnd(36)} ${r.code}: ${r.reasons.join('; ')}`);
  for (const w of report.warnings) console.log(`warning ${w.code} ${w.file}:${w.line}: ${w.message}`);
  for (const e of report.edits) console.log(`edit       ${e.file}:${e.line}: ${e.change}`);
  if (dry) {
    process.stdout.write(diff);
    console.log(JSON.stringify(report, null, 2));
  } else for (const c of changes) if (c.change !== 'unchanged') console.log(`${c.change.padEnd(8)} ${c.file}`);
  const { summary } = report;
  for (const [code, count] of Object.entries(summary.leftBy)) console.log(`left     ${String(count).padStart(4)}  ${code}: ${HINTS[code] ?? 'see each route\'s reasons above'}`);
  for (const [code, count] of Object.entries(summary.compatBy)) console.log(`compat   ${String(count).padStart(4)}  ${code}: ${HINTS[code] ?? 'see each route\'s reason above'}`);
  if (summary.legacy) console.log(`start-up: ${summary.legacy}`);
  if (missing.length > 0) console.log(`install: npm install ${missing.join(' ')}  (the split app imports ${missing.length === 1 ? 'it' : 'them'}; not installed here)`);
  console.log(`${summary.converted} of ${summary.found} routes converted (${summary.share}%: ${summary.sdk} onto the SDK, ${summary.compat} through carve/compat/express), ${summary.left} left in the legacy app${dry ? ' (dry run: nothing written)' : ''}`);
}

/** What a user can change so that a route of this kind converts (or is rewritten onto the SDK). */
const HINTS: Record<string, string> = {
  MIDDLEWARE: 'middleware carve split cannot rewrite as a guard (built by a call, or writing to res): rewrite it as a carve guard, or map it to carve\'s own (cors(), the access log)',
  UNSUPPORTED_RESPONSE: 'res.sendFile, render, streams: answer with reply({ body }) or keep them on Express',
  IMPLICIT_DEPENDENCY: 'req.user, req.session, req.app: pass what the handler needs through DI tokens or carve auth',
  LOCAL_DEPENDENCY: 'code defined beside the routes: move it to a module of its own that exports it',
  RESPONSE_FLOW: 'answers from a callback or an expression: answer with return (async/await)',
  CROSS_ROUTE_NEXT: 'next() falls through to another route: give each route its own handler',
  PATH_SYNTAX: 'optional or inline-regex segments: use plain :param paths (or {tail+})',
  UNRESOLVED_HANDLER: 'a handler carve split cannot see statically (computed, or from a parameter): register it by name',
  PASSES_REQUEST: 'next used in a way carve split does not convert',
  REQUEST_FIELD: 'assigns a request field: keep state in a local variable',
  NO_RESPONSE: 'never answers through res',
  ERROR_MIDDLEWARE: 'error middleware that calls next() without the error',
  DYNAMIC_MOUNT: 'mounted under a computed path or through a wrapper (vhost(host, app)): mount the router on a constant path',
  CONDITIONAL: 'registered only under a condition (if (process.env.X) app.get(…)): carve serves a route always; register it unconditionally, or keep it on Express',
  SHARED_STATE: 'behind a middleware that keeps state in memory (a session MemoryStore) with routes left in the legacy app: give it a store outside the process, or move those routes first',
};
