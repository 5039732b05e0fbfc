import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import request from 'supertest';
import ts from 'typescript';
import { createApp, provide } from 'carve';
import { afterAll, describe, expect, it } from 'vitest';
import { split } from './split.js';
import { carveCli } from '../../test/support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./__testfixtures__/', import.meta.url));
mkdirSync(join(root, '.carve'), { recursive: true });
const scratch = mkdtempSync(join(root, '.carve', 'split-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('carve split, folder fixtures (the generated files, exactly)', () => {
  /** Every file under a folder, relative to it. */
  const listed = (dir: string, under = ''): string[] => (!existsSync(dir) ? [] : readdirSync(join(dir, under), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listed(dir, join(under, e.name)) : [join(under, e.name)])));
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const input = join(FIXTURES, name, 'input');
      const out = join(FIXTURES, name, 'output');
      const { files } = split(input, { out, dry: true });
      // An edit to a legacy file (an export, a main check) is pinned in output/_edited, never written over the input.
      const expected = new Map(Object.entries(files).map(([file, text]) => [file.startsWith('..') ? join('_edited', relative(input, join(out, file))) : file, text]));
      if (process.env['CARVE_UPDATE_FIXTURES'] === '1') {
        for (const stale of listed(out).filter((f) => !expected.has(f))) rmSync(join(out, stale));
        for (const [file, text] of expected) {
          mkdirSync(join(out, file, '..'), { recursive: true });
          writeFileSync(join(out, file), text);
        }
      }
      for (const [file, text] of expected) {
        expect(existsSync(join(out, file)), `${file} is missing; write it with CARVE_UPDATE_FIXTURES=1 and review it`).toBe(true);
        expect(text, file).toBe(readFileSync(join(out, file), 'utf8'));
      }
      expect(listed(out).filter((f) => !expected.has(f)), 'stale output files: carve split no longer writes them (CARVE_UPDATE_FIXTURES=1 deletes them)').toEqual([]);
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
    expect(converted.filter((c) => c.mode === 'sdk').map((c) => `${c.method} ${c.path}`)).toEqual(['GET /users', 'GET /users/:id', 'POST /users', 'DELETE /users/:id', 'PUT /users/:id', 'GET /health', 'GET /secret']);
    // What cannot be rewritten onto the SDK runs its Express code as it is, each with the reason it was not rewritten.
    expect(converted.filter((c) => c.mode === 'compat').map((c) => `${c.method} ${c.path}: ${c.rewrite}`)).toEqual([
      'GET /report: res.sendFile', 'GET /me: implicit dependency req.user',
      'GET /shout: uses shout, defined beside the routes in app.js; move it to a module of its own', 'GET /later/:id: responds from inside a callback or an expression',
    ]);
    expect(remainder).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'split-report.json'), 'utf8'))).toEqual(first.report);
  });

  it('a second run changes nothing', () => {
    const again = split(input, { out, force: true });
    expect(again.changes.every((c) => c.change === 'unchanged')).toBe(true);
    expect(again.diff).toBe('');
  });

});

describe('carve split: an entry that exports nothing and listens at import (the entry-edits case, written for real)', () => {
  it('edits the entry, and the split app runs its start-up work, serves both sides and never listens for it', async () => {
    const dir = join(scratch, 'entry-edits');
    cpSync(join(FIXTURES, 'entry-edits/input'), dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    const { report, changes } = split(dir, { force: true });
    expect(report.edits.map((e) => `${e.file}:${e.line}`)).toEqual(['index.js:16', 'index.js:19']);
    expect(changes).toContainEqual({ file: '../index.js', change: 'updated' });
    expect(split(dir, { force: true }).changes.every((c) => c.change === 'unchanged'), 'a second split edits again').toBe(true);
    // In a Node process of its own, as a user runs it (one CommonJS instance of db.js for the entry and the handlers).
    symlinkSync(root, join(dir, 'node_modules', 'carve'));
    const probe = [
      "const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;",
      "const before = servers();",
      "const { default: strangler } = await import('./carve/server.mjs');",
      "const listened = servers() - before;",
      "const server = strangler.listen(0, '127.0.0.1');",
      "await new Promise((r) => server.once('listening', r));",
      "const get = async (path) => (await fetch(`http://127.0.0.1:${server.address().port}${path}`)).text();",
      "console.log(JSON.stringify({ listened, books: await get('/books'), old: await get('/old/x') }));",
      "server.close();",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--conditions=carve-source', '--import', 'tsx', '--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8', env: { ...process.env, CARVE_SPLIT_LISTEN: '0', CARVE_LOG_LEVEL: 'silent' } });
    expect(run.status, run.stderr).toBe(0);
    // The legacy entry did not listen; the converted route reads the database the entry connected at start-up; the RegExp route stayed behind.
    expect(JSON.parse(run.stdout)).toEqual({ listened: 0, books: '[{"id":1,"title":"Dune"}]', old: 'old 1' });
  });
});

describe('carve split: safety', () => {
  it('--dry writes nothing and still gives the plan, the diff and the report', () => {
    const out = join(scratch, 'dry');
    const result = split(join(FIXTURES, 'basic/input'), { out, dry: true });
    expect(existsSync(out)).toBe(false);
    expect(result.diff).toContain('+++ ');
    expect(result.changes.every((c) => c.change === 'planned')).toBe(true);
    expect(result.report.converted.length).toBe(11);
  });

  it('refuses a dirty git tree without --force', () => {
    const repo = mkdtempSync(join(scratch, 'git-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'uncommitted.txt'), 'work in progress\n');
    expect(() => split(join(FIXTURES, 'basic/input'), { out: join(repo, 'carve') })).toThrow(/uncommitted changes; commit or stash them, or pass --force/);
    expect(existsSync(join(repo, 'carve'))).toBe(false);
    expect(() => split(join(FIXTURES, 'basic/input'), { out: join(repo, 'carve'), force: true })).not.toThrow();
  });

  it('never drops the legacy app that has routes registered by computed code (app[method](path, …))', () => {
    const app = (dir: string, entry: string) => {
      mkdirSync(join(dir, 'lib'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{ "name": "booted", "private": true }\n');
      // Sub-apps made inside a function and registered by computed code, as expressjs's mvc example boots them.
      writeFileSync(join(dir, 'lib/boot.js'), [
        "const express = require('express');",
        'module.exports = function boot(parent, routes) {',
        '  const app = express();',
        "  for (const [method, path, fn] of routes) app[method](path, fn);",
        '  parent.use(app);',
        '};',
        '',
      ].join('\n'));
      writeFileSync(join(dir, 'index.js'), entry);
      return dir;
    };
    const exported = app(mkdtempSync(join(scratch, 'booted-')), "const express = require('express');\nconst app = module.exports = express();\nrequire('./lib/boot')(app, [['get', '/users', (req, res) => res.json([])]]);\n");
    const planned = split(exported, { dry: true });
    // The module's own app is the remainder, not the sub-app made inside boot().
    expect(planned.files['app.mjs']).toContain("import legacy from '../index.js';");
    expect(planned.files['app.mjs']).toContain('remainder: legacy');
    const hidden = app(mkdtempSync(join(scratch, 'booted-')), "const express = require('express');\nfunction start() {\n  const app = express();\n  require('./lib/boot')(app, [['get', '/users', (req, res) => res.json([])]]);\n  app.listen(3000);\n}\nstart();\n");
    expect(() => split(hidden, { dry: true })).toThrow(/the routes registered by computed code \(lib\/boot\.js:\d+\) stay in the legacy app, which the split app cannot mount/);
  });

  it('the CLI: a plan with --dry, one line and exit 2 for bad input', () => {
    const carve = (...args: string[]) => carveCli(args);
    const dry = carve('split', join(FIXTURES, 'basic/input'), '--out', join(scratch, 'cli'), '--dry');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/11 of 11 routes converted \(100%: 7 onto the SDK, 4 through carve\/compat\/express\), 0 left in the legacy app \(dry run: nothing written\)/);
    const none = mkdtempSync(join(scratch, 'none-'));
    writeFileSync(join(none, 'index.js'), 'module.exports = 1;\n');
    const bad = carve('split', none);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no Express app found/)]);
  });
});

/**
 * The case folder to run: the fixture itself, or, when split edits a legacy file (pinned in `output/_edited`), a
 * copy of it with the edits made, as a user's checkout has them after the split.
 */
function runnable(name: string): string {
  const edited = join(FIXTURES, name, 'output', '_edited');
  if (!existsSync(edited)) return join(FIXTURES, name);
  const dir = join(scratch, `run-${name}`);
  if (!existsSync(dir)) {
    cpSync(join(FIXTURES, name), dir, { recursive: true });
    cpSync(edited, join(dir, 'input'), { recursive: true });
  }
  return dir;
}

interface RequestsFile {
  /** The legacy app's module, from the case folder, and the export holding the app. */
  legacy: string;
  export?: string;
  /** Each side keeps its cookies from call to call, as a browser does (a session across routes). */
  agent?: boolean;
  /** `problem`: an error the split app answers as problem+json, with the legacy app's status. */
  calls: { method: string; url: string; body?: object; headers?: Record<string, string>; problem?: boolean; same?: string[] }[];
}

describe('carve split: the generated strangler answers as the legacy app did (each case\'s requests.json)', () => {
  process.env['CARVE_SPLIT_LISTEN'] = '0';
  process.env['CARVE_LOG_LEVEL'] = 'silent';
  for (const name of readdirSync(FIXTURES).sort().filter((n) => existsSync(join(FIXTURES, n, 'requests.json')))) {
    it(name, async () => {
      const spec = JSON.parse(readFileSync(join(FIXTURES, name, 'requests.json'), 'utf8')) as RequestsFile;
      const dir = runnable(name);
      const out = join(dir, 'output');
      const server = ['server.mjs', 'server.ts'].find((f) => existsSync(join(out, f)))!;
      const strangler = (await import(pathToFileURL(join(out, server)).href)).default;
      const legacy = (await import(pathToFileURL(join(dir, spec.legacy)).href))[spec.export ?? 'default'];
      const clients = new Map<unknown, unknown>(spec.agent ? [[legacy, request.agent(legacy)], [strangler, request.agent(strangler)]] : []);
      for (const { method, url, body, headers, problem, same = [] } of spec.calls) {
        const send = (app: unknown) => {
          const call = ((clients.get(app) ?? request(app as never)) as Record<string, (u: string) => request.Test>)[method]!(url).set({ 'x-client': 'tests', ...headers });
          return body ? call.send(body) : call;
        };
        const [before, after] = [await send(legacy), await send(strangler)];
        if (problem) {
          expect([after.status, after.headers['content-type']], `${method} ${url}`).toEqual([before.status, 'application/problem+json']);
        } else {
          // Express's error page shows the stack outside production: the frames name the files the code now runs from.
          const page = (text: string) => text.replace(/(<br> &nbsp; &nbsp;at [^<]*)+/g, '');
          expect([after.status, after.headers['content-type'], page(after.text)], `${method} ${url}`).toEqual([before.status, before.headers['content-type'], page(before.text)]);
        }
        for (const header of same) expect(after.headers[header], `${method} ${url}: ${header}`).toEqual(before.headers[header]);
      }
    });
  }
});

describe('carve split: the generated strangler loads in a plain Node process (no test runner rewriting its imports)', () => {
  // vitest's module runner renames imports and accepts JSON without import attributes: a duplicate import or a
  // bare JSON import is a start-up error only Node itself shows. `carve` is this package by its name (built: npm test builds first).
  const built = existsSync(join(root, 'dist/core/index.js'));
  // The cases whose requests.json runs the strangler (their packages are installed here).
  for (const name of readdirSync(FIXTURES).sort().filter((n) => existsSync(join(FIXTURES, n, 'requests.json')) && existsSync(join(FIXTURES, n, 'output/server.mjs')))) {
    it(name, () => {
      expect(built, 'dist/ is missing: npm run build (npm test does)').toBe(true);
      const dir = runnable(name);
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(dir, 'output/server.mjs')).href)});`],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, CARVE_SPLIT_LISTEN: '0', CARVE_LOG_LEVEL: 'silent', NODE_OPTIONS: '' }, timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
    }, 90_000);
  }
});

describe('carve split: generated TypeScript', () => {
  it('type-checks with the project\'s strict settings, legacy sources included (the typescript case)', () => {
    // The TypeScript compiler itself, as the project runs it: ts-morph's Project gives a .cts file no module format
    // (it reads carve's core/tsyringe.cts, a CommonJS module, as an ES module).
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const files = readdirSync(join(FIXTURES, 'typescript/output'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(FIXTURES, 'typescript/output', f));
    const program = ts.createProgram(files, config.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${d.file ? d.file.fileName.split('/').pop() : ''}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('carve split: shared modules are DI tokens', () => {
  it('a handler uses the legacy instance by default and whatever the app provides instead', async () => {
    const out = join(FIXTURES, 'shared-deps/output');
    const { getPosts } = await import(pathToFileURL(join(out, 'handlers/posts/get-posts.mjs')).href);
    const { Db, Settings } = await import(pathToFileURL(join(out, 'deps.mjs')).href);
    const legacyApp = createApp({ handlers: [getPosts], logger: { level: 'silent' } });
    expect((await legacyApp.inject({ method: 'GET', url: '/posts' })).body).toEqual([{ slug: 'hello', title: 'Hello', tags: ['intro'] }]);
    const fake = { posts: { list: (limit: number) => [{ slug: 'fake', limit }] } };
    const testApp = createApp({ handlers: [getPosts], logger: { level: 'silent' }, providers: [provide(Db, { value: fake }), provide(Settings, { value: { pageSize: 7 } })] });
    expect((await testApp.inject({ method: 'GET', url: '/posts' })).body).toEqual([{ slug: 'fake', limit: 7 }]);
  });
});
