import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type Manifest } from 'carve/build';
import { median, printTable } from './lambda/table.js';
import { resolveTarget } from '../core/cli/targets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Cold start and bundle bytes of examples/gradebook built for AWS in each shape, side by side. */
export async function shapes(): Promise<void> {
  console.log('\n## gradebook on AWS Lambda by shape (esbuild bundles; cold start = fresh process, load + first answer, median of 3 per unit)\n');
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  const out = mkdtempSync(join(ROOT, '.carve', 'bench-shapes-'));
  try {
    const rows: (string | number)[][] = [];
    for (const shape of ['monolith', 'microservices', 'nanoservices']) {
      const manifest: Manifest = await buildApp({ app: join(ROOT, 'examples/gradebook/app.ts'), shape, target: await resolveTarget('aws'), out });
      const units = manifest.units.filter((u) => u.name !== 'carve-fallback');
      const kb = (n: number) => (n / 1024).toFixed(1);
      const cold = units.map((u) => u.coldStartMs ?? 0);
      const bytes = units.map((u) => u.bundleBytes);
      rows.push([shape, units.length, kb(Math.min(...bytes)), kb(Math.max(...bytes)), kb(bytes.reduce((a, b) => a + b, 0)),
        Math.min(...cold).toFixed(1), median(cold).toFixed(1), Math.max(...cold).toFixed(1)]);
    }
    printTable(['shape', 'units', 'min KB', 'max KB', 'total KB', 'cold min ms', 'cold median ms', 'cold max ms'], rows);
    console.log('\n  (every unit carries zod, 443 KB minified, because the handlers validate with it; the route-only carve-fallback unit is left out)');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
