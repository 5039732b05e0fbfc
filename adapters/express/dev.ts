import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeModule } from 'carve/build';
import { startGateway, type Gateway } from './gateway.js';
import { startUnitProcess, stopUnits, type RunningUnit } from './units.js';

const DEV_UNIT = runtimeModule(new URL('./dev-unit.js', import.meta.url));
// The loader that lets each unit import the app's TypeScript as it is: carve's own tsx, by path, so it is
// found wherever the package manager put it.
const TSX = import.meta.resolve('tsx');

export interface DevUnit {
  name: string;
  /** A module whose default export is the unit's app. */
  appModule: string;
  routes: { method: string; path: string }[];
  /** Gets every request no unit's route matches (the legacy remainder of a split app). */
  fallback?: boolean;
}

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
export async function startDev(units: readonly DevUnit[], options: { port?: number; host?: string; env?: NodeJS.ProcessEnv } = {}): Promise<DevSession> {
  const sharedDir = mkdtempSync(join(tmpdir(), 'carve-dev-'));
  const env = { CARVE_SHARED_DIR: sharedDir, ...options.env };
  const running: RunningUnit[] = [];
  try {
    for (const unit of units) {
      running.push(await startUnitProcess(unit.name, unit.routes, ['--import', TSX, DEV_UNIT, unit.appModule], env));
    }
    const fallback = running[units.findIndex((u) => u.fallback)];
    const gateway = await startGateway(running, { port: options.port, host: options.host, fallback });
    return {
      gateway, units: running, sharedDir,
      stop: async () => {
        await gateway.close();
        await stopUnits(running);
        rmSync(sharedDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopUnits(running);
    rmSync(sharedDir, { recursive: true, force: true });
    throw error;
  }
}

export { startGateway } from './gateway.js';
export type { Gateway, GatewayUnit } from './gateway.js';
