// `npm run bench`: every comparison side by side in one run. Numbers, never assertions.
// BENCH_SECONDS and BENCH_ROUNDS shorten or lengthen the run.
import { expressThroughput } from './express-throughput';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 3);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

console.log(`carve benchmarks — node ${process.version}, ${new Date().toISOString()}`);
await expressThroughput({ seconds, rounds, connections: 50 });
