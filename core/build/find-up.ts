import { dirname } from 'node:path';

/** The first answer `at` gives for `dir` or a folder above it, nearest first. */
export function findUp<T>(dir: string, at: (folder: string) => T | undefined): T | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    const found = at(folder);
    if (found !== undefined) return found;
    if (dirname(folder) === folder) return undefined;
  }
}
