import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.js';

const SERVER = fileURLToPath(new URL('./servers/express-variants.ts', import.meta.url));
const VARIANTS = ['bare', 'carve', 'carve-logged'] as const;
type Variant = (typeof VARIANTS)[number];

const scenarios = {
  'GET /courses/{code}': { method: 'GET' as const, path: '/courses/MATH-101' },
  'POST /courses (JSON, validated)': {
    method: 'POST' as const, path: '/courses', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'PHYS-110', title: 'Optics', credits: 4 }),
  },
};

interface Options {
  seconds: number;
  rounds: number;
  connections: number;
}

/**
 * Express target vs bare Express serving the same routes, on loopback. Each round runs every variant
 * once, in turn, so drift on this shared machine hits all of them alike; the median round is reported.
 */
export async function expressThroughput({ seconds, rounds, connections }: Options): Promise<void> {
  console.log(`\n## Express target throughput (autocannon, ${connections} connections, ${seconds}s × ${rounds} rounds per variant, 127.0.0.1)\n`);
  const servers = Object.fromEntries(await Promise.all(VARIANTS.map(async (v) => [v, await startChild(SERVER, [v])] as const)));
  try {
    for (const [name, scenario] of Object.entries(scenarios)) {
      const samples: Record<Variant, number[]> = { bare: [], carve: [], 'carve-logged': [] };
      const latency: Record<Variant, { p50: number; p99: number }[]> = { bare: [], carve: [], 'carve-logged': [] };
      for (const v of VARIANTS) await run(servers[v]!.port, scenario, 1, connections); // warm-up
      for (let round = 0; round < rounds; round++) {
        for (const v of VARIANTS) {
          const result = await run(servers[v]!.port, scenario, seconds, connections);
          if (result.errors > 0 || result.non2xx > 0) throw new Error(`${v} ${name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
          samples[v].push(result.requests.average);
          latency[v].push({ p50: result.latency.p50, p99: result.latency.p99 });
        }
      }
      const bare = median(samples.bare);
      console.log(`${name}`);
      console.log('  variant        req/s     p50 ms  p99 ms  ratio to bare express');
      for (const v of VARIANTS) {
        const rps = median(samples[v]);
        const lat = latency[v][samples[v].indexOf(rps)] ?? latency[v][0]!;
        console.log(`  ${v.padEnd(13)} ${rps.toFixed(0).padStart(7)}  ${String(lat.p50).padStart(7)} ${String(lat.p99).padStart(7)}  ${(rps / bare).toFixed(2)}×`);
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}

function run(port: number, scenario: (typeof scenarios)[keyof typeof scenarios], seconds: number, connections: number) {
  return autocannon({ url: `http://127.0.0.1:${port}${scenario.path}`, method: scenario.method, headers: 'headers' in scenario ? scenario.headers : undefined,
    body: 'body' in scenario ? scenario.body : undefined, connections, duration: seconds });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
