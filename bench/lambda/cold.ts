import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { ADAPTERS, COLD_ONLY, LABEL, type AdapterName, type Bundle } from './bundles.js';
import { getEvent } from './events.js';
import { median, printTable } from './table.js';

const PROBE = fileURLToPath(new URL('./cold-probe.cjs', import.meta.url));

/**
 * Times load + first response of each bundle in fresh processes, round-robin: min and median. Under this Node, then
 * under each other one the run names (BENCH_NODES: Lambda's default runtime is nodejs22.x).
 */
export async function lambdaCold(bundles: Record<AdapterName, Bundle>, { runs, nodes }: { runs: number; nodes: readonly string[] }): Promise<void> {
  for (const [index, node] of [process.execPath, ...nodes].entries()) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\n## AWS Lambda cold start, node ${version}: a fresh node process loads the minified bundle and answers one GET (min and median of ${runs}, interleaved)\n`);
    const apps = [...COLD_ONLY, ...ADAPTERS];
    const times = Object.fromEntries(apps.map((a) => [a, [] as number[]])) as Record<AdapterName, number[]>;
    for (let run = 0; run < runs; run++) {
      for (const app of apps) {
        const out = JSON.parse(execFileSync(node, [PROBE, bundles[app].file, JSON.stringify(getEvent)], { encoding: 'utf8' }));
        if (out.status !== 200) throw new Error(`${app} cold answer ${out.status}`);
        times[app].push(out.ms);
      }
    }
    // The baseline is lambda-api as it ships, with no validation library (the rows name what they add).
    const lambdaApi = median(times['lambda-api-bare']);
    printTable(['adapter', 'min ms', 'median ms', '× lambda-api (no library)', 'bundle KB', 'gzip KB'], apps.map((app) => [
      LABEL[app], Math.min(...times[app]).toFixed(1), median(times[app]).toFixed(1), `${(median(times[app]) / lambdaApi).toFixed(2)}×`,
      (bundles[app].bytes / 1024).toFixed(1), (bundles[app].gzip / 1024).toFixed(1),
    ]));
    if (index === 0) {
      for (const app of ['carve-one', 'carve'] as const) {
        console.log(`\n  ${LABEL[app]}, by origin (bytes in the minified output, from the esbuild metafile):`);
        const parts = byOrigin(bundles[app].metafile);
        printTable(['origin', 'KB'], Object.entries(parts).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, (v / 1024).toFixed(1)]));
      }
    }
    for (const app of ['carve-one', 'carve-one-valibot'] as const) {
      console.log(`\n  node ${version}, ${LABEL[app]}: ${(bundles[app].bytes / 1024).toFixed(1)} KiB (goal ≤ 64 KiB), cold ${(median(times[app]) / lambdaApi).toFixed(2)}× lambda-api (goal ≤ 1)`);
    }
  }
}

function byOrigin(metafile: Metafile): Record<string, number> {
  const out: Record<string, number> = {};
  const output = Object.values(metafile.outputs)[0]!;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    const origin = pkg ?? (input.startsWith('core/') ? 'carve core' : input.startsWith('adapters/') ? 'carve/aws adapter' : 'app code (bench routes)');
    out[origin] = (out[origin] ?? 0) + bytesInOutput;
  }
  return out;
}
