import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ADAPTERS, LABEL, type AdapterName, type Bundle } from './bundles.js';
import { getEvent, lambdaContext, postEvent } from './events.js';
import { median, printTable } from './table.js';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number }>;
const EXPECTED = { GET: 200, POST: 201 };
const require = createRequire(import.meta.url);

/**
 * Warm per-request cost of each adapter's bundle on the same HTTP API v2 events, in one process. Rounds
 * alternate between adapters so a noisy neighbour hurts them alike; each figure is the median round.
 */
export async function lambdaWarm(bundles: Record<AdapterName, Bundle>, { iterations, rounds }: { iterations: number; rounds: number }): Promise<void> {
  console.log(`\n## AWS Lambda adapters: warm µs per request (HTTP API v2 events, ${iterations} calls × ${rounds} rounds, median round)\n`);
  const handlers = Object.fromEntries(ADAPTERS.map((a) => [a, (require(bundles[a].file) as { handler: Handler }).handler])) as Record<AdapterName, Handler>;
  const events = { GET: getEvent, POST: postEvent };
  const samples = Object.fromEntries(ADAPTERS.map((a) => [a, { GET: [] as number[], POST: [] as number[] }])) as Record<AdapterName, Record<'GET' | 'POST', number[]>>;
  for (const app of ADAPTERS) {
    for (const [method, event] of Object.entries(events) as ['GET' | 'POST', object][]) {
      const result = await handlers[app](JSON.parse(JSON.stringify(event)), lambdaContext);
      if (result.statusCode !== EXPECTED[method]) throw new Error(`${app} ${method} answered ${result.statusCode}`);
      for (let i = 0; i < 2000; i++) await handlers[app](JSON.parse(JSON.stringify(event)), lambdaContext); // warm-up, JIT
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const app of ADAPTERS) {
      for (const [method, event] of Object.entries(events) as ['GET' | 'POST', object][]) {
        // Each call gets its own copy, parsed from JSON as the Lambda runtime does (some adapters mutate
        // the event), made outside the clock.
        const text = JSON.stringify(event);
        const copies = Array.from({ length: iterations }, () => JSON.parse(text) as object);
        const start = process.hrtime.bigint();
        for (const copy of copies) await handlers[app](copy, lambdaContext);
        samples[app][method].push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
      }
    }
  }
  const m = (app: AdapterName, method: 'GET' | 'POST') => median(samples[app][method]);
  printTable(['adapter', 'GET µs', 'POST µs', 'GET ÷ carve', 'POST ÷ carve'], ADAPTERS.map((app) => [
    LABEL[app], m(app, 'GET').toFixed(2), m(app, 'POST').toFixed(2),
    `${(m(app, 'GET') / m('carve', 'GET')).toFixed(2)}×`, `${(m(app, 'POST') / m('carve', 'POST')).toFixed(2)}×`,
  ]));
  const peers = ADAPTERS.filter((a) => !a.startsWith('carve') && a !== 'raw');
  const fastest = (method: 'GET' | 'POST') => Math.min(...peers.map((p) => m(p, method)));
  // The best round of each, too: on a busy box the median round of a sub-microsecond handler swings by 2× from run to run.
  const best = (app: AdapterName, method: 'GET' | 'POST') => Math.min(...samples[app][method]);
  console.log(`\n  carve ÷ raw handler: GET ${(m('carve', 'GET') / m('raw', 'GET')).toFixed(2)}×, POST ${(m('carve', 'POST') / m('raw', 'POST')).toFixed(2)}× (median rounds); `
    + `GET ${(best('carve', 'GET') / best('raw', 'GET')).toFixed(2)}×, POST ${(best('carve', 'POST') / best('raw', 'POST')).toFixed(2)}× (best rounds: ${best('carve', 'GET').toFixed(2)} / ${best('raw', 'GET').toFixed(2)} µs GET)`);
  console.log(`  fastest peer ÷ carve: GET ${(fastest('GET') / m('carve', 'GET')).toFixed(2)}×, POST ${(fastest('POST') / m('carve', 'POST')).toFixed(2)}× (above 1: carve is faster)`);
  await alone(bundles, { iterations, rounds });
}

const PAIR = fileURLToPath(new URL('./pair-probe.cjs', import.meta.url));
const PAIRED = ['raw', 'carve', 'carve-one'] as const satisfies readonly AdapterName[];

/** carve against the raw handler with nothing else in the process, as Lambda runs a handler (see pair-probe.cjs). */
async function alone(bundles: Record<AdapterName, Bundle>, { iterations, rounds }: { iterations: number; rounds: number }): Promise<void> {
  // Three bundles of ~2 µs a call: many rounds cost a second or two, and pair each ratio within one round.
  const many = Math.max(rounds, 25);
  const { stdout } = await promisify(execFile)(process.execPath, [PAIR, JSON.stringify(getEvent), String(iterations), String(many), ...PAIRED.map((a) => bundles[a].file)]);
  const [raw, ...others] = JSON.parse(stdout) as number[][];
  const ratios = others.map((rounds, i) => {
    const paired = median(rounds.map((us, round) => us / raw![round]!));
    return `${LABEL[PAIRED[i + 1]!]} ${paired.toFixed(2)}× (best rounds ${(Math.min(...rounds) / Math.min(...raw!)).toFixed(2)}×)`;
  });
  console.log(`  ÷ raw handler, no peer in the process (GET, median of ${many} rounds' ratios; raw handler ${median(raw!).toFixed(2)} µs): ${ratios.join('; ')}`);
}
