import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { carveCli } from '../../test/support/cli.js';

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
