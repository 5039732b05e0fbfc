import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../core/cli/bin.ts', import.meta.url));

/** Runs the carve CLI of this checkout, from its sources (`npx carve` runs the built one). */
export function carveCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--conditions=carve-source', '--import', 'tsx', BIN, ...args], {
    cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, CARVE_LOG_LEVEL: 'silent', ...options.env },
  });
}
