import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTestFile, loadProject } from './project.js';

const INPUT = fileURLToPath(new URL('./__testfixtures__/27-minified-and-compiled/input/', import.meta.url));

describe('loadProject', () => {
  it('reads the sources, not minified bundles or the compiled outDir, and says which minified file names express', () => {
    const { files, skipped } = loadProject(INPUT);
    expect(files.map((f) => relative(INPUT, f.getFilePath())).sort()).toEqual(['app.js']);
    expect(skipped).toEqual([{ file: 'public/js/server.min.js', reason: 'a minified bundle (by its name)' }]);
  });

  it('knows test files by folder and by name', () => {
    for (const path of ['test/app.js', 'src/__tests__/a.ts', 'routes/users.test.js', 'api.spec.ts']) expect(isTestFile(path), path).toBe(true);
    for (const path of ['routes/testimonials.js', 'src/contest.ts', 'latest/app.js']) expect(isTestFile(path), path).toBe(false);
  });
});
