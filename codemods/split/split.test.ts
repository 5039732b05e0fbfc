import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { split } from './split';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./__testfixtures__/', import.meta.url));
mkdirSync(join(root, '.carve'), { recursive: true });
const scratch = mkdtempSync(join(root, '.carve', 'split-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('carve split, folder fixtures (the generated files, exactly)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const out = join(FIXTURES, name, 'output');
      const { files } = split(join(FIXTURES, name, 'input'), { out, dry: true });
      if (process.env['CARVE_UPDATE_FIXTURES'] === '1') {
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(join(out, file, '..'), { recursive: true });
          writeFileSync(join(out, file), text);
        }
      }
      for (const [file, text] of Object.entries(files)) {
        expect(existsSync(join(out, file)), `${file} is missing; write it with CARVE_UPDATE_FIXTURES=1 and review it`).toBe(true);
        expect(text, file).toBe(readFileSync(join(out, file), 'utf8'));
      }
    });
  }
});

describe('carve split, on the basic legacy app', () => {
  const input = join(FIXTURES, 'basic/input');
  const out = join(scratch, 'basic');
  const first = split(input, { out, force: true });

  it('loses no route: converted + remainder = inventory, each remainder with its reason', () => {
    const { inventory, converted, remainder } = first.report;
    expect(converted.length + remainder.length).toBe(inventory.length);
    expect(converted.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /users', 'GET /users/:id', 'POST /users', 'DELETE /users/:id', 'GET /health']);
    expect(Object.fromEntries(remainder.map((r) => [`${r.method} ${r.path}`, r.reason]))).toEqual({
      'GET /report': 'res.sendFile',
      'GET /me': 'implicit dependency req.user',
      'GET /secret': 'middleware requireAuth would have to move with it',
      'GET /shout': expect.stringMatching(/^uses shout, defined beside the routes/),
      'GET /later/:id': 'responds from inside a callback or an expression',
    });
    expect(JSON.parse(readFileSync(join(out, 'split-report.json'), 'utf8'))).toEqual(first.report);
  });

  it('a second run changes nothing', () => {
    const again = split(input, { out, force: true });
    expect(again.changes.every((c) => c.change === 'unchanged')).toBe(true);
    expect(again.diff).toBe('');
  });

  it('the strangler answers every route exactly as the legacy app did', async () => {
    process.env['CARVE_SPLIT_LISTEN'] = '0';
    process.env['CARVE_LOG_LEVEL'] = 'silent';
    const strangler = (await import(pathToFileURL(join(out, 'server.mjs')).href)).default;
    const legacy = (await import(pathToFileURL(join(input, 'app.js')).href)).default;
    const calls: [string, string, unknown?][] = [
      ['get', '/users'], ['get', '/users?limit=1'], ['get', '/users/2'], ['get', '/users/9'], ['post', '/users', { name: 'Grace' }],
      ['delete', '/users/1'], ['get', '/health'], ['get', '/me'], ['get', '/secret'], ['get', '/shout?text=hi'], ['get', '/later/1'],
    ];
    for (const [method, url, body] of calls) {
      const send = (app: unknown) => {
        const call = (request(app as never) as unknown as Record<string, (u: string) => request.Test>)[method]!(url).set('x-client', 'tests');
        return body ? call.send(body as object) : call;
      };
      const [before, after] = [await send(legacy), await send(strangler)];
      expect([after.status, after.headers['content-type'], after.text], `${method} ${url}`).toEqual([before.status, before.headers['content-type'], before.text]);
    }
  });
});

describe('carve split: safety', () => {
  it('--dry writes nothing and still gives the plan, the diff and the report', () => {
    const out = join(scratch, 'dry');
    const result = split(join(FIXTURES, 'basic/input'), { out, dry: true });
    expect(existsSync(out)).toBe(false);
    expect(result.diff).toContain('+++ ');
    expect(result.changes.every((c) => c.change === 'planned')).toBe(true);
    expect(result.report.converted.length).toBe(5);
  });

  it('refuses a dirty git tree without --force', () => {
    const repo = mkdtempSync(join(scratch, 'git-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'uncommitted.txt'), 'work in progress\n');
    expect(() => split(join(FIXTURES, 'basic/input'), { out: join(repo, 'carve') })).toThrow(/uncommitted changes; commit or stash them, or pass --force/);
    expect(existsSync(join(repo, 'carve'))).toBe(false);
    expect(() => split(join(FIXTURES, 'basic/input'), { out: join(repo, 'carve'), force: true })).not.toThrow();
  });

  it('the CLI: a plan with --dry, one line and exit 2 for bad input', () => {
    const carve = (...args: string[]) => spawnSync(process.execPath, [join(root, 'core/cli/bin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
    const dry = carve('split', join(FIXTURES, 'basic/input'), '--out', join(scratch, 'cli'), '--dry');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/5 of 10 routes converted, 5 left in the legacy app \(dry run: nothing written\)/);
    const none = mkdtempSync(join(scratch, 'none-'));
    writeFileSync(join(none, 'index.js'), 'module.exports = 1;\n');
    const bad = carve('split', none);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no Express app found/)]);
  });
});

describe('carve split, a TypeScript ESM legacy app', () => {
  it('the generated .ts strangler answers as the legacy app did', async () => {
    process.env['CARVE_SPLIT_LISTEN'] = '0';
    const out = join(FIXTURES, 'typescript/output');
    const strangler = (await import(pathToFileURL(join(out, 'server.ts')).href)).default;
    const { app: legacy } = await import(pathToFileURL(join(FIXTURES, 'typescript/input/src/app.ts')).href);
    for (const url of ['/users', '/users?name=Ada', '/users?name=Bob', '/users/1', '/users/9', '/missing']) {
      const [before, after] = [await request(legacy).get(url), await request(strangler).get(url)];
      expect([after.status, after.headers['content-type'], after.text], url).toEqual([before.status, before.headers['content-type'], before.text]);
    }
  });
});
