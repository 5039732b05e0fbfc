import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./arm-check.py', import.meta.url));

/**
 * A Python with the Azure SDK's API Management models (Debian's azure-cli ships them: `apt-get install azure-cli`;
 * the system Python, not pyenv's), and the SDK's version; undefined where there is none.
 */
export function azureModels(): { python: string | undefined; version: string } {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const run = spawnSync(python, ['-c', 'import azure.mgmt.apimanagement as m; print(m.VERSION)'], { encoding: 'utf8' });
    if (run.status === 0) return { python, version: `azure-mgmt-apimanagement ${run.stdout.trim()}` };
  }
  return { python: undefined, version: '' };
}

/** What the models say of an ARM template's API Management resources, one line per finding: '' when clean. */
export function armCheck(python: string, template: string): { status: number | null; findings: string } {
  const run = spawnSync(python, [SCRIPT, template], { encoding: 'utf8' });
  return { status: run.status, findings: (run.stdout + run.stderr).trim() };
}
