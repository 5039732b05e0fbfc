import { execFileSync } from 'node:child_process';
import type { BuiltUnit, RouteRef } from './target.js';

/** Generous: a unit's first answer may wait on its start-up work (a database connection) on a busy machine. */
const PROBE_TIMEOUT_MS = 120_000;

/**
 * Runs a target's bundled cold-start probe in a fresh Node process (with the Node options the platform gives a
 * unit) for one unit and returns the milliseconds it reports, from its first line to the unit's first answer.
 * Median of `runs` (3).
 */
export function measureColdStart(probeFile: string, unit: BuiltUnit, options: { runs?: number; nodeOptions?: readonly string[] | undefined } = {}): number {
  const runs = options.runs ?? 3;
  const route = probeRoute(unit);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    let out: string;
    try {
      out = execFileSync(process.execPath, [...(options.nodeOptions ?? []), probeFile, unit.dir, route.method, route.path], {
        cwd: unit.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARVE_LOG_LEVEL: 'silent' }, timeout: PROBE_TIMEOUT_MS, killSignal: 'SIGKILL',
      });
    } catch (error) {
      const { signal, stderr } = error as { signal?: string; stderr?: string };
      const why = signal === 'SIGKILL' ? `did not answer within ${PROBE_TIMEOUT_MS / 1000} s` : `failed: ${String(stderr ?? '').trim().split('\n').slice(-3).join(' ')}`;
      // Its output kept on the error: a package the unit cannot load is named there (explainMissingPackage reads it).
      throw Object.assign(new Error(`the cold-start probe of unit ${unit.name} (${route.method} ${route.path}) ${why}`, { cause: error }), { stderr });
    }
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
