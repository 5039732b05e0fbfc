// Milliseconds on a monotonic clock. On Node the first performance.now() loads node:perf_hooks, about 2 ms of a
// cold start; process.hrtime is loaded already. Runtimes without `process` (workerd, browsers) use performance.
const hrtime = globalThis.process?.hrtime;

export const monotonicMs: () => number = typeof hrtime?.bigint === 'function'
  ? () => Number(hrtime.bigint()) / 1e6
  : () => performance.now();
