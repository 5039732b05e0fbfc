import { execFileSync } from 'node:child_process';
import type { BuiltUnit, RouteRef } from './target.js';

/**
 * Runs a target's bundled cold-start probe in a fresh Node process for one unit and returns the
 * milliseconds it reports, from its first line to the unit's first answer. Median of `runs`.
 */
export function measureColdStart(probeFile: string, unit: BuiltUnit, runs = 3): number {
  const route = probeRoute(unit);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [probeFile, unit.dir, route.method, route.path], {
      cwd: unit.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARVE_LOG_LEVEL: 'silent' },
    });
    const ms = Number(/coldStartMs=([\d.]+)/.exec(out)?.[1]);
    if (!Number.isFinite(ms)) throw new Error(`the cold start probe printed no time: ${out.slice(0, 200)}`);
    times.push(ms);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The request a probe sends: the unit's first GET route (else its first), parameters filled in. */
export function probeRoute(unit: BuiltUnit): RouteRef {
  const route = unit.routes.find((r) => r.method === 'GET') ?? unit.routes[0] ?? { method: 'GET', path: '/' };
  return { method: route.method === 'ANY' ? 'GET' : route.method, path: route.path.replace(/\{\w+\+?\}/g, 'x') };
}
