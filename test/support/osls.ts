import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const OSLS = fileURLToPath(new URL('../../node_modules/osls/bin/serverless.js', import.meta.url));

/** `osls package` run in `dir` (the serverless.yml there), telemetry off: its exit status and all it printed. */
export function oslsPackage(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [OSLS, 'package'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } });
  return { status: run.status, output: run.stdout + run.stderr };
}
