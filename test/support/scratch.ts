import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './cli.js';

/** A folder of its own under the checkout's .carve/ (where packages resolve as they do for carve), removed after the file's tests. */
export function scratchDir(prefix: string): string {
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.carve', `${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
