import type { Manifest } from 'carve/build';
import type { Analysis, SplitResult } from 'carve/codemods';

/** The build report: one row per unit, then warnings and the cost estimate. */
export function printManifest(manifest: Manifest, out: string): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = manifest.units.map((u) => [u.name, String(u.routes.length), kb(u.bundleBytes), kb(u.gzipBytes), u.coldStartMs === null ? '-' : `${u.coldStartMs} ms`]);
  const header = ['unit', 'routes', 'bundle', 'gzip', 'cold start'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  for (const warning of manifest.warnings) console.log(`warning: ${warning}`);
  if (manifest.cost) console.log(`estimated monthly cost (${manifest.cost.requestsPerMonth} requests, ${manifest.cost.averageDurationMs} ms): $${manifest.cost.usd.total}`);
  console.log(`wrote ${out}/${manifest.target}/${manifest.shape}/ (${manifest.units.length} units, carve-manifest.json)`);
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

export function printSplit({ report, diff, changes }: SplitResult, dry: boolean): void {
  for (const c of report.converted) console.log(`converted  ${c.method.padEnd(7)} ${c.path.padEnd(36)} → ${c.handler}`);
  for (const r of report.remainder) console.log(`legacy     ${r.method.padEnd(7)} ${r.path.padEnd(36)} ${r.code}: ${r.reason}`);
  for (const w of report.warnings) console.log(`warning ${w.code} ${w.file}:${w.line}: ${w.message}`);
  if (dry) {
    process.stdout.write(diff);
    console.log(JSON.stringify(report, null, 2));
  } else for (const c of changes) if (c.change !== 'unchanged') console.log(`${c.change.padEnd(8)} ${c.file}`);
  console.log(`${report.converted.length} of ${report.inventory.length} routes converted, ${report.remainder.length} left in the legacy app${dry ? ' (dry run: nothing written)' : ''}`);
}
