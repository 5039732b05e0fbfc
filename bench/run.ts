// `npm run bench`: every comparison side by side in one run. Numbers, never assertions.
// BENCH_SECONDS, BENCH_ROUNDS, BENCH_ITERATIONS, BENCH_COLD_RUNS shorten or lengthen it; BENCH_ONLY=lambda,shapes,azure,graphql,codemods,load,express picks sections;
// BENCH_NODES=/path/to/node,… counts the Lambda instructions, and times the cold starts, under those Node binaries too.
import { azureWarm } from './azure.js';
import { codemods } from './codemods.js';
import { expressThroughput } from './express-throughput.js';
import { graphqlOverhead } from './graphql.js';
import { buildBundles } from './lambda/bundles.js';
import { lambdaCold } from './lambda/cold.js';
import { lambdaInstructions } from './lambda/instructions.js';
import { lambdaWarm } from './lambda/warm.js';
import { load } from './load.js';
import { shapes } from './shapes.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = process.env['BENCH_ONLY']?.split(',');
const wanted = (section: string) => !only || only.includes(section);

console.log(`carve benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (wanted('lambda')) {
  const bundles = await buildBundles();
  await lambdaWarm(bundles, { iterations: env('BENCH_ITERATIONS', 5000), rounds: env('BENCH_ROUNDS', 5) });
  const nodes = process.env['BENCH_NODES']?.split(',').filter(Boolean) ?? [];
  await lambdaInstructions(bundles, { fewer: env('BENCH_COUNT_FEWER', 20_000), more: env('BENCH_COUNT_MORE', 70_000), nodes });
  await lambdaCold(bundles, { runs: env('BENCH_COLD_RUNS', 11), nodes });
}
if (wanted('shapes')) await shapes();
if (wanted('azure')) await azureWarm({ iterations: env('BENCH_ITERATIONS', 5000), rounds: env('BENCH_ROUNDS', 5) });
if (wanted('graphql')) await graphqlOverhead({ iterations: env('BENCH_ITERATIONS', 5000), rounds: env('BENCH_ROUNDS', 5) });
if (wanted('codemods')) await codemods();
if (wanted('load')) await load({ seconds: env('BENCH_SECONDS', 5), soakRequests: env('BENCH_SOAK_REQUESTS', 200_000) });
if (wanted('express')) await expressThroughput({ seconds: env('BENCH_SECONDS', 3), rounds: env('BENCH_ROUNDS', 3), connections: 50 });
