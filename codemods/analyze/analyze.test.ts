import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

// Folder fixtures: __testfixtures__/<case>/input is an app, output/analysis.json what analyze finds.
// CARVE_UPDATE_FIXTURES=1 writes the outputs (review them before committing).
const FIXTURES = fileURLToPath(new URL('./__testfixtures__/', import.meta.url));

describe('carve analyze, folder fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const analysis = analyze(join(FIXTURES, name, 'input'));
      const expected = join(FIXTURES, name, 'output', 'analysis.json');
      if (process.env['CARVE_UPDATE_FIXTURES'] === '1') {
        mkdirSync(join(FIXTURES, name, 'output'), { recursive: true });
        writeFileSync(expected, `${JSON.stringify(analysis, null, 2)}\n`);
      }
      expect(existsSync(expected), `${expected} is missing; write it with CARVE_UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(analysis).toEqual(JSON.parse(readFileSync(expected, 'utf8')));
    });
  }
});
