/**
 * `npm run corpus -- <app dir>…`: carve split on checked-out apps (see ../shared/corpus/README.md), as a dry
 * run: per app, the routes found, converted (onto the SDK, through carve/compat/express), left by reason, and
 * the share; then the totals. Nothing is written into the apps.
 */
import { resolve } from 'node:path';
import { analyze, split } from 'carve/codemods';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: npm run corpus -- <app dir>...');
  process.exit(2);
}
const total = { found: 0, converted: 0, sdk: 0, compat: 0, left: 0 };
const rows: string[][] = [['app', 'found', 'converted', 'sdk', 'compat', 'left', 'share', 'left by reason']];
for (const dir of dirs) {
  try {
    const { summary } = split(resolve(dir), { dry: true }).report;
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += summary[key];
    rows.push([dir, ...[summary.found, summary.converted, summary.sdk, summary.compat, summary.left].map(String), `${summary.share}%`,
      Object.entries(summary.leftBy).map(([code, n]) => `${code} ${n}`).join(', ') || '-']);
  } catch (error) {
    // A split that stops converts nothing: its routes count as found and left, so the share stays honest.
    let found = 0;
    try {
      found = analyze(resolve(dir)).routes.length;
    } catch {
      // analyze stopped too (no app, a syntax error): the reason below says why.
    }
    total.found += found;
    total.left += found;
    rows.push([dir, String(found), '0', '0', '0', String(found), '0%', `stopped: ${(error as Error).message.split('\n')[0]}`]);
  }
}
const share = total.found === 0 ? 0 : Math.round((total.converted / total.found) * 1000) / 10;
rows.push(['all', ...[total.found, total.converted, total.sdk, total.compat, total.left].map(String), `${share}%`, '']);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
