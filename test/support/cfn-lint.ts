import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Python cfn-lint: the first on PATH outside node_modules (npm test puts the npm cfn-lint's bin first). */
export function pythonCfnLint(): { python: string | undefined; version: string } {
  const python = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d && !d.includes('node_modules')).map((d) => join(d, 'cfn-lint')).find((f) => existsSync(f));
  const version = python ? spawnSync(python, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  return /^cfn-lint \d/.test(version) ? { python, version } : { python: undefined, version: '' };
}

/** What the Python cfn-lint says of a template, one line per finding: '' when clean. */
export function cfnLint(python: string, template: string): { status: number | null; findings: string } {
  const run = spawnSync(python, ['--format', 'parseable', template], { encoding: 'utf8' });
  return { status: run.status, findings: run.stdout.trim() };
}
