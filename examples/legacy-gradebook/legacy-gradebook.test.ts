import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { split } from '../../codemods/split/split';
import { legacySuite } from './legacy-suite';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
// Each run gets its own copy of the legacy modules (their store is module state).
const freshLegacy = () => {
  for (const key of Object.keys(require.cache)) if (key.startsWith(here)) delete require.cache[key];
  return require('./app.js') as unknown;
};

describe('legacy gradebook, as it is', () => {
  let app: unknown;
  beforeAll(() => void (app = freshLegacy()));
  legacySuite(() => app);
});

describe('legacy gradebook, split: carve in front, the legacy app behind (strangler)', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  mkdirSync(join(root, '.carve'), { recursive: true });
  const out = mkdtempSync(join(root, '.carve', 'legacy-split-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  let server: unknown;
  const result = split(here, { out, force: true });

  beforeAll(async () => {
    process.env['CARVE_SPLIT_LISTEN'] = '0';
    process.env['CARVE_LOG_LEVEL'] = 'silent';
    freshLegacy();
    server = (await import(pathToFileURL(join(out, 'server.mjs')).href)).default;
  });

  it('converts what is plainly safe and keeps the rest, each with its reason', () => {
    const { inventory, converted, remainder } = result.report;
    expect(converted.length + remainder.length).toBe(inventory.length);
    expect(converted.map((c) => `${c.method} ${c.path}`).sort()).toEqual(['DELETE /cache', 'GET /courses', 'GET /health', 'GET /version']);
    expect(remainder.map((r) => `${r.method} ${r.path}: ${r.reason}`).sort()).toEqual([
      'GET /courses/:courseCode: middleware param:courseCode(loadCourse) would have to move with it',
      'GET /students/:studentId/grades: middleware authenticate, selfOrTeacher would have to move with it',
      'POST /courses: implicit dependency req.user',
    ]);
  });

  legacySuite(() => server);
});
