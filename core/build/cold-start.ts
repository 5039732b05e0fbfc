import { execFileSync } from 'node:child_process';

/**
 * Runs `probe` (a JavaScript module source) in a fresh Node process and returns the milliseconds it
 * reports: from its first line to the first answer of the unit it loads. Median of `runs`.
 */
export function measureColdStart(probe: string, cwd: string, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd, encoding: 'utf8', env: { ...process.env, CARVE_LOG_LEVEL: 'silent' } });
    const ms = Number(/coldStartMs=([\d.]+)/.exec(out)?.[1]);
    if (!Number.isFinite(ms)) throw new Error(`cold start probe printed no time: ${out.slice(0, 200)}`);
    times.push(ms);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
