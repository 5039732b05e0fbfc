import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LABEL, type AdapterName, type Bundle } from './bundles.js';
import { getEvent } from './events.js';
import { printTable } from './table.js';

const PROBE = fileURLToPath(new URL('./count-probe.cjs', import.meta.url));
const COLD_PROBE = fileURLToPath(new URL('./cold-probe.cjs', import.meta.url));
const APPS = ['raw', 'carve', 'carve-one', 'raw-bare', 'carve-bare'] as const satisfies readonly AdapterName[];
// A cold start above Node's own (the raw handler with no library is Node's boot and next to nothing), against lambda-api's.
const COLD = ['lambda-api-bare', 'carve-one', 'carve-one-valibot', 'carve'] as const satisfies readonly AdapterName[];
// Each row against the raw handler that validates as it does: with zod, or with no library at all.
const FLOOR: Record<(typeof APPS)[number], AdapterName> = { raw: 'raw', carve: 'raw', 'carve-one': 'raw', 'raw-bare': 'raw-bare', 'carve-bare': 'raw-bare' };

/**
 * Machine instructions per warm GET (valgrind's count, not a clock): the one warm figure a busy box cannot move, so
 * the ratio to the raw handler can be read against a goal. Skipped, saying so, where valgrind is not installed.
 */
export async function lambdaInstructions(bundles: Record<AdapterName, Bundle>, { fewer, more, nodes }: { fewer: number; more: number; nodes: readonly string[] }): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log(`\n## AWS Lambda adapters: instructions per warm GET\n\n  skipped: valgrind is not installed (apt-get install valgrind)`);
    return;
  }
  // This Node, and any other the run names (BENCH_NODES: Lambda's default runtime is nodejs22.x).
  for (const node of [process.execPath, ...nodes]) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\n## AWS Lambda adapters: instructions per warm GET, node ${version} (valgrind, runs of ${fewer} and ${more} requests subtracted)\n`);
    const perRequest: Record<string, number> = {};
    for (const app of APPS) {
      // The two runs side by side: a count of instructions does not depend on what else the box runs.
      const [few, many] = await Promise.all([count(node, bundles[app].file, fewer), count(node, bundles[app].file, more)]);
      perRequest[app] = (many - few) / (more - fewer);
    }
    printTable(['adapter', 'instructions', '÷ raw handler', 'raw handler'], APPS.map((app) => [
      LABEL[app], perRequest[app]!.toFixed(0), `${(perRequest[app]! / perRequest[FLOOR[app]]!).toFixed(2)}×`, LABEL[FLOOR[app]],
    ]));
 
    console.log(`\n## AWS Lambda cold start by instructions, node ${version}: load the bundle and answer one GET, above Node's own start\n`);
    const boot = await valgrind(node, [COLD_PROBE, bundles['raw-bare'].file, JSON.stringify(getEvent)]);
    const cold: Record<string, number> = {};
    for (const app of COLD) cold[app] = (await valgrind(node, [COLD_PROBE, bundles[app].file, JSON.stringify(getEvent)])) - boot;
    printTable(['adapter', 'million instructions', '× lambda-api (no library)'], COLD.map((app) => [
      LABEL[app], (cold[app]! / 1e6).toFixed(1), `${(cold[app]! / cold['lambda-api-bare']!).toFixed(2)}×`,
    ]));
  }
}

function count(node: string, file: string, times: number): Promise<number> {
  // --single-threaded: the JIT compiles on this thread, so two runs tier up alike.
  return valgrind(node, ['--single-threaded', PROBE, file, JSON.stringify(getEvent), String(times)]);
}

/** The instructions one node process runs. Hash and random seeds fixed: otherwise the count moves by up to ~4% a run. */
async function valgrind(node: string, args: readonly string[]): Promise<number> {
  const vg = ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', node, '--hash-seed=1', '--random-seed=1', ...args];
  const { stderr } = await run('valgrind', vg, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
  if (!collected) throw new Error(`valgrind on ${args.join(' ').slice(0, 200)} counted nothing: ${stderr.slice(-400)}`);
  return Number(collected[1]);
}

const run = promisify(execFile);
