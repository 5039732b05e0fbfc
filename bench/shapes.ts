import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type Manifest } from 'carve/build';
import { median, printTable } from './lambda/table.js';
import { resolveTarget } from '../core/cli/targets.js';
import { copyGradebook, GRADEBOOK } from '../test/support/copy-gradebook.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Cold start and bundle bytes of examples/gradebook built for AWS in each shape, side by side: as it ships
 * (zod/mini schemas) and with the same schemas in classic zod.
 */
export async function shapes(): Promise<void> {
  console.log('\n## gradebook on AWS Lambda by shape (esbuild bundles; cold start = fresh process, load + first answer, median of 3 per unit)\n');
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  const out = mkdtempSync(join(ROOT, '.carve', 'bench-shapes-'));
  try {
    const apps = { 'zod/mini (as it ships)': join(GRADEBOOK, 'app.ts'), 'classic zod': join(copyGradebook('zod', out), 'app.ts') };
    const kb = (n: number) => (n / 1024).toFixed(1);
    const rows: (string | number)[][] = [];
    const withoutDb: string[] = [];
    for (const [schemas, app] of Object.entries(apps)) {
      for (const shape of ['monolith', 'microservices', 'nanoservices']) {
        const manifest: Manifest = await buildApp({ app, shape, target: await resolveTarget('aws'), out: join(out, 'built') });
        const units = manifest.units.filter((u) => u.name !== 'carve-fallback');
        const cold = units.map((u) => u.coldStartMs ?? 0);
        const bytes = units.map((u) => u.bundleBytes);
        rows.push([schemas, shape, units.length, kb(Math.min(...bytes)), kb(Math.max(...bytes)), kb(bytes.reduce((a, b) => a + b, 0)),
          Math.min(...cold).toFixed(1), median(cold).toFixed(1), Math.max(...cold).toFixed(1)]);
        if (shape === 'nanoservices') {
          const health = units.find((u) => u.name === 'get-health')!;
          withoutDb.push(`${schemas}: get-health ${kb(health.bundleBytes)} KB, cold ${health.coldStartMs?.toFixed(1)} ms, better-sqlite3 ${Object.keys(health.externals).includes('better-sqlite3') ? 'loaded' : 'not loaded'}`);
        }
      }
    }
    printTable(['schemas', 'shape', 'units', 'min KB', 'max KB', 'total KB', 'cold min ms', 'cold median ms', 'cold max ms'], rows);
    console.log(`\n  a nanoservice without the database (goal ≤ 100 KB): ${withoutDb.join('; ')}`);
    console.log('  (the route-only carve-fallback unit is left out)');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
