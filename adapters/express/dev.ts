import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { importPeer } from 'carve/adapter';
import { runtimeModule, type DevUnitPlan } from 'carve/build';
import { startGateway, type Gateway } from './gateway.js';
import { startUnitProcess, stopUnits, type RunningUnit } from './units.js';

const DEV_UNIT = runtimeModule(new URL('./dev-unit.js', import.meta.url));
// The loader that lets each unit import the app's TypeScript as it is: carve's own tsx, by path, so it is
// found wherever the package manager put it.
const TSX = import.meta.resolve('tsx');

/** One unit to start, as `planDev` (carve/build) plans it: its app module, its routes, whether it is the fallback. */
export type DevUnit = Omit<DevUnitPlan, 'fallback' | 'env'> & { fallback?: boolean | undefined; env?: Record<string, string> | undefined };

export interface DevSession {
  gateway: Gateway;
  units: RunningUnit[];
  /** A folder every unit of this session sees as CARVE_SHARED_DIR (a shared SQLite file, say). */
  sharedDir: string;
  stop(): Promise<void>;
}

/**
 * `carve dev`: each unit in its own Node process, loading the app's TypeScript as it is, behind one
 * gateway port that routes like API Gateway. What runs is the shape that will be deployed.
 */
export async function startDev(units: readonly DevUnit[], options: {
  port?: number | undefined; host?: string | undefined; env?: NodeJS.ProcessEnv | undefined;
  /** Where the supervisor says a unit exited or restarted (JSON lines). Default stderr. */
  log?: ((line: string) => void) | undefined;
} = {}): Promise<DevSession> {
  // Each unit serves on Express: say so once, here, rather than as every unit's failure to start.
  await importPeer('express', 'carve dev', () => import('express'));
  const sharedDir = mkdtempSync(join(tmpdir(), 'carve-dev-'));
  const env = { CARVE_SHARED_DIR: sharedDir, ...options.env };
  const running: RunningUnit[] = [];
  try {
    for (const unit of units) {
      running.push(await startUnitProcess(unit.name, unit.routes, ['--import', TSX, DEV_UNIT, unit.appModule], { env: { ...unit.env, ...env }, log: options.log }));
    }
    const fallback = running[units.findIndex((u) => u.fallback)];
    const gateway = await startGateway(running, { port: options.port, host: options.host, fallback });
    return {
      gateway, units: running, sharedDir,
      stop: async () => {
        await gateway.close();
        await stopUnits(running);
        rmSync(sharedDir, { recursive: true, force: true });
        removePlanned(units);
      },
    };
  } catch (error) {
    await stopUnits(running);
    rmSync(sharedDir, { recursive: true, force: true });
    removePlanned(units);
    throw error;
  }
}

/** The `.carve/dev-*` folders `planDev` wrote the units' app modules into: they go with the session. */
function removePlanned(units: readonly DevUnit[]): void {
  for (const dir of new Set(units.map((u) => dirname(u.appModule)))) {
    if (basename(dirname(dir)) === '.carve' && /^dev-[A-Za-z0-9]{6}$/.test(basename(dir))) rmSync(dir, { recursive: true, force: true });
  }
}

export { startGateway } from './gateway.js';
export type { Gateway, GatewayUnit } from './gateway.js';
