import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startDev } from 'carve/express/dev';
import { planDev } from '../core/build/dev.js';
import { startChild } from './child.js';
import { printTable } from './lambda/table.js';

const SERVER = fileURLToPath(new URL('./servers/express-variants.ts', import.meta.url));
const GRADEBOOK = fileURLToPath(new URL('../examples/gradebook/app.ts', import.meta.url));

const rssKb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
const run = (url: string, options: { connections: number; duration?: number; amount?: number }) =>
  autocannon({ url, connections: options.connections, ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }) });

/** Load (bounded in time) and soak (bounded in count) on loopback: errors, latency, memory growth. */
export async function load({ seconds, soakRequests }: { seconds: number; soakRequests: number }): Promise<void> {
  console.log(`\n## Load: 100 connections for ${seconds}s on 127.0.0.1; soak: ${soakRequests} requests, resident memory from the first 10,000 to the end\n`);
  const rows: (string | number)[][] = [];
  const express = await startChild(SERVER, ['carve']);
  try {
    const result = await run(`http://127.0.0.1:${express.port}/courses/MATH-101`, { connections: 100, duration: seconds });
    rows.push(['express target, GET /courses/{code}', result.requests.average.toFixed(0), result.errors + result.timeouts, result.non2xx, result.latency.p50, result.latency.p99]);
    await run(`http://127.0.0.1:${express.port}/courses/MATH-101`, { connections: 50, amount: 10_000 });
    const before = rssKb(express.process.pid!);
    const soak = await run(`http://127.0.0.1:${express.port}/courses/MATH-101`, { connections: 50, amount: soakRequests - 10_000 });
    const after = rssKb(express.process.pid!);
    console.log(`  soak, express target: ${soakRequests} requests, ${soak.errors + soak.timeouts} errors, ${soak.non2xx} non-2xx; resident memory ${(before / 1024).toFixed(1)} MB after 10,000 → ${(after / 1024).toFixed(1)} MB at the end (${(((after - before) / before) * 100).toFixed(1)}% growth; goal under 10%)`);
  } finally {
    await express.stop();
  }
  const units = await planDev({ app: GRADEBOOK, shape: 'microservices' });
  const dev = await startDev(units, { env: { CARVE_LOG_LEVEL: 'silent' } });
  try {
    const result = await run(`${dev.gateway.url}/health`, { connections: 100, duration: seconds });
    rows.push([`carve dev gateway (${units.length} units), GET /health`, result.requests.average.toFixed(0), result.errors + result.timeouts, result.non2xx, result.latency.p50, result.latency.p99]);
  } finally {
    await dev.stop();
  }
  console.log('');
  printTable(['target', 'req/s', 'errors', 'non-2xx', 'p50 ms', 'p99 ms'], rows);
}
