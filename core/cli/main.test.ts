import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';
import { carveCli, ROOT } from '../../test/support/cli.js';

const carve = (...args: string[]) => carveCli(args);

describe('carve CLI', () => {
  it('prints help and exits 0', () => {
    const run = carve('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: carve');
    expect(run.stdout).toContain('openapi');
  });

  it('checks an app and writes its OpenAPI document', () => {
    const check = carve('check', '--app', 'examples/gradebook/app.ts');
    expect(check.stdout).toContain('gradebook: 21 handlers, every dependency resolvable');
    expect(check.status).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'carve-cli-')), 'openapi.json');
    expect(carve('openapi', '--app', 'examples/gradebook/app.ts', '--out', out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ openapi: '3.1.0', info: { title: 'Gradebook' } });
  });

  it('bad input: one line naming the cause, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carve-cli-'));
    writeFileSync(join(dir, 'not-an-app.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'broken.ts'), 'export default ;;; (\n');
    const runs = {
      missing: carve('check', '--app', 'nope/app.ts'),
      notAnApp: carve('check', '--app', join(dir, 'not-an-app.ts')),
      broken: carve('check', '--app', join(dir, 'broken.ts')),
      unknownCommand: carve('bogus'),
      missingOption: carve('check'),
    };
    expect(runs.missing.stderr).toMatch(/^carve: --app nope\/app.ts: no such file/);
    expect(runs.notAnApp.stderr).toMatch(/exports no carve app/);
    expect(runs.broken.stderr).toMatch(/failed to load/);
    expect(runs.unknownCommand.stderr).toMatch(/unknown command 'bogus'/);
    expect(runs.missingOption.stderr).toMatch(/required option '--app <module>'/);
    for (const [name, run] of Object.entries(runs)) {
      expect(run.status, name).toBe(2);
      expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  });
});

describe('carve build --target <module>: a target of your own, from outside carve', () => {
  it('builds with its descriptor, its entry module and its settings', async () => {
    mkdirSync(join(ROOT, '.carve'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, '.carve', 'own-target-'));
    try {
      writeFileSync(join(dir, 'entry.ts'), [
        "import app from 'carve/build/unit';",
        "import settings from 'carve/build/settings';",
        "export const greeting = (settings as { greeting: string }).greeting;",
        "export const get = async (url: string) => (await app.inject({ method: 'GET', url })).status;",
        '',
      ].join('\n'));
      writeFileSync(join(dir, 'target.ts'), [
        "import { fileURLToPath } from 'node:url';",
        "import { defineTarget } from 'carve/build';",
        "import { z } from 'carve/zod';",
        'export default defineTarget({',
        "  name: 'inproc',",
        "  entry: { file: 'unit.js', module: fileURLToPath(new URL('./entry.ts', import.meta.url)) },",
        "  settings: z.strictObject({ greeting: z.string().default('hello') }),",
        "  emit: ({ units, settings }) => ({ 'units.txt': `${settings.greeting}: ${units.map((u) => u.name).join(' ')}\\n` }),",
        '});',
        '',
      ].join('\n'));
      // The gradebook's own secret and resource declarations, and this target's settings.
      writeFileSync(join(dir, 'carve.config.ts'), [
        `import { gradebookCloud } from ${JSON.stringify(join(ROOT, 'examples/gradebook/carve.config.ts'))};`,
        "export default { ...gradebookCloud, inproc: { greeting: 'hi' } };",
        '',
      ].join('\n'));
      const out = join(dir, 'out');
      const run = carveCli(['build', '--app', 'examples/gradebook/app.ts', '--shape', 'microservices', '--target', join(dir, 'target.ts'), '--config', join(dir, 'carve.config.ts'), '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      const shape = join(out, 'inproc/microservices');
      expect(readFileSync(join(shape, 'units.txt'), 'utf8')).toMatch(/^hi: health me students teachers courses enrolments grades\n$/);
      const health = (await import(pathToFileURL(join(shape, 'health/unit.js')).href)) as { greeting: string; get: (url: string) => Promise<number> };
      expect(health.greeting).toBe('hi');
      expect([await health.get('/health'), await health.get('/courses')]).toEqual([200, 404]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
