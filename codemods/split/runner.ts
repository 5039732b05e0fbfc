import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { AnalyzeError } from '../analyze/types.js';

export type FileChange = { file: string; change: 'created' | 'updated' | 'unchanged' | 'planned' };

/**
 * The runner, apart from the passes that plan a split: the unified diff of every planned file against what is
 * there now, then, unless `dry`, the files written (refused in a git tree with uncommitted changes, unless
 * `force`), each with what happened to it (paths relative to `out`; all `unchanged` on a second run).
 */
export function writePlan(files: Map<string, string>, out: string, options: { dry?: boolean | undefined; force?: boolean | undefined }): { diff: string; changes: FileChange[] } {
  const diff = [...files].map(([file, text]) => {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return before === text ? '' : createTwoFilesPatch(existsSync(file) ? relative(process.cwd(), file) : '/dev/null', relative(process.cwd(), file), before, text);
  }).filter(Boolean).join('');
  if (options.dry) return { diff, changes: [...files.keys()].map((f) => ({ file: relative(out, f), change: 'planned' as const })) };
  if (!options.force) refuseDirtyTree(out);
  const changes: FileChange[] = [];
  for (const [file, text] of files) {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const change = before === undefined ? 'created' : before === text ? 'unchanged' : 'updated';
    if (change !== 'unchanged') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    changes.push({ file: relative(out, file), change });
  }
  return { diff, changes };
}

function refuseDirtyTree(out: string): void {
  let dir = out;
  while (!existsSync(dir)) dir = dirname(dir);
  let status: string;
  try {
    status = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return; // not a git checkout
  }
  if (status.trim() !== '') throw new AnalyzeError(`the git tree at ${dir} has uncommitted changes; commit or stash them, or pass --force`);
}
