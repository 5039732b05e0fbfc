import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { diskBytes, freePort, npmInstall, ok, packageCount, run, withServer } from './project.js';
import { armCheck, azureModels } from '../support/arm-check.js';

// carve as a user meets it: `npm pack`, the tarball installed into a project outside this repo, an app
// compiled there with `tsc --init`'s defaults and run on plain node, every target built with `npx carve`.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'carve-package-'));
const project = join(scratch, 'project');
const MB = 1024 * 1024;
let tarball: string;
let files: string[];
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dev = pkg.devDependencies as Record<string, string>;
const version = (name: string) => `${name}@${dev[name]}`;
const npx = (...args: string[]) => run(project, 'npx', ['--no-install', ...args]);
const carve = (...args: string[]) => npx('carve', ...args);

beforeAll(() => {
  // `npm pack` runs `prepare`, which compiles dist/ from this checkout.
  const [packed] = JSON.parse(ok(ROOT, 'npm', ['pack', '--json', '--pack-destination', scratch, '--loglevel=error'])) as { filename: string }[];
  tarball = join(scratch, packed!.filename);
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  npmInstall(project, tarball);
}, 300_000);

// Each test runs real tools on an installed package (npm, tsc, the CLI): minutes on a busy machine, not seconds.
describe('the tarball', { timeout: 180_000 }, () => {
  it('holds the compiled package, its declarations and maps, and no tests, fixtures, benchmarks or CI', () => {
    for (const subpath of Object.values(pkg.exports)) {
      if (typeof subpath === 'string') continue;
      for (const file of [subpath.default, subpath.types, `${subpath.default}.map`, `${subpath.types}.map`]) expect(files, file).toContain(file.slice(2));
    }
    expect(files).toContain('dist/core/cli/bin.js');
    expect(files.filter((f) => /(^|\/)(test|bench|\.ci|__testfixtures__|__fixtures__|examples)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.test\.m?ts$/.test(f) && !f.startsWith('core/cli/template/'))).toEqual([]);
  });

  it('installs small: only what the SDK and the CLI need', () => {
    const nodeModules = join(project, 'node_modules');
    const bytes = diskBytes(nodeModules);
    const count = packageCount(nodeModules);
    console.log(`npm install carve: ${count} packages, ${(bytes / MB).toFixed(1)} MB`);
    expect(bytes).toBeLessThanOrEqual(40 * MB);
    for (const peer of Object.keys(pkg.peerDependencies)) expect(existsSync(join(nodeModules, peer)), peer).toBe(false);
  });
});

describe('a feature used without its optional library', { timeout: 180_000 }, () => {
  beforeAll(() => {
    cpSync(join(FIXTURE, 'src'), join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'serve.mjs'), "import { serve } from 'carve/express';\nimport { createApp } from 'carve';\nawait serve(createApp({ handlers: [] }), { port: 0 });\n");
    writeFileSync(join(project, 'not-a-target.mjs'), 'export default { name: 42 };\n');
  });

  it('the CLI: one line naming the npm install to run, exit code 2', () => {
    const runs = {
      express: carve('build', '--app', 'src/app.ts', '--shape', 'monolith', '--target', 'express', '--no-cold-start'),
      graphql: carve('build', '--app', 'src/app.ts', '--shape', 'graphql', '--target', 'aws', '--no-cold-start'),
      dev: carve('dev', '--app', 'src/app.ts', '--port', '0'),
      analyze: carve('analyze', 'src'),
      badTarget: carve('build', '--app', 'src/app.ts', '--shape', 'monolith', '--target', './not-a-target.mjs'),
      unknownTarget: carve('build', '--app', 'src/app.ts', '--shape', 'monolith', '--target', 'gcp'),
    };
    expect(runs.express.stderr).toMatch(/^carve: .*needs the package express.*: npm install express$/m);
    expect(runs.graphql.stderr).toMatch(/^carve: .*needs the package (graphql|@apollo\/server).*: npm install (graphql|@apollo\/server)$/m);
    expect(runs.dev.stderr).toMatch(/^carve: carve dev needs the package express, which is not installed: npm install express$/m);
    expect(runs.analyze.stderr).toMatch(/^carve: carve analyze needs the package ts-morph, which is not installed: npm install ts-morph$/m);
    expect(runs.badTarget.stderr).toMatch(/^carve: --target \.\/not-a-target\.mjs: the module's default export is not a target descriptor/m);
    expect(runs.unknownTarget.stderr).toMatch(/^carve: unknown target "gcp"; choose one of aws, bun, azure, express/m);
    for (const [name, r] of Object.entries(runs)) {
      expect(r.status, name).toBe(2);
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('carve:')), name).toHaveLength(1);
    }
  });

  it('the SDK: an error naming the package to install; an unknown subpath is refused by name', () => {
    expect(run(project, 'node', ['serve.mjs']).stderr).toMatch(/MissingPeerError: carve\/express serve\(\) needs the package express, which is not installed: npm install express/);
    expect(run(project, 'node', ['--input-type=module', '-e', "await import('carve/nope')"]).stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED.*'\.\/nope'/);
  });
});

describe('a project using carve', { timeout: 180_000 }, () => {
  beforeAll(() => {
    npmInstall(project, version('typescript'), version('@types/node'), version('express'), version('@azure/functions'), version('@vendia/serverless-express'), version('ts-morph'));
    // tsc --init's own defaults (module nodenext, strict, exactOptionalPropertyTypes, types: []), plus where files go.
    ok(project, 'npx', ['--no-install', 'tsc', '--init', '--rootDir', 'src', '--outDir', 'out']);
  }, 300_000);

  it('type-checks with the defaults of tsc --init, handler inputs inferred from their schemas', () => {
    // The fixture's @ts-expect-error line fails the compile if an input were `any`.
    ok(project, 'npx', ['--no-install', 'tsc', '-p', '.']);
    // moduleResolution bundler, and declarations checked too, for the SDK, carve/aws and carve/fetch without @types/express.
    writeFileSync(join(project, 'tsconfig.bundler.json'), JSON.stringify({
      compilerOptions: { module: 'preserve', moduleResolution: 'bundler', target: 'es2022', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['src/edge.ts'],
    }));
    expect(existsSync(join(project, 'node_modules/@types/express'))).toBe(false);
    ok(project, 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.bundler.json']);
    // A legacy TypeScript project's settings (CommonJS, Node 10 resolution, which reads no `exports`), as a split
    // writes files into it that import carve's subpaths.
    mkdirSync(join(project, 'legacy-ts'), { recursive: true });
    writeFileSync(join(project, 'legacy-ts', 'split.ts'), [
      "import { createApp } from 'carve';",
      "import { fromExpress } from 'carve/compat/express';",
      "import { toExpressRouter } from 'carve/express';",
      "import { toLambdaHandler } from 'carve/aws';",
      'export const used = [createApp, fromExpress, toExpressRouter, toLambdaHandler];',
      '',
    ].join('\n'));
    writeFileSync(join(project, 'tsconfig.node10.json'), JSON.stringify({
      compilerOptions: { module: 'commonjs', moduleResolution: 'node', target: 'es2019', strict: true, esModuleInterop: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['legacy-ts/split.ts'],
    }));
    ok(project, 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.node10.json']);
  });

  it('runs compiled on plain node, and loads under require() from CommonJS', () => {
    const printed = JSON.parse(ok(project, 'node', ['out/main.js']).trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(printed).toMatchObject({
      injected: { id: 'AB', limit: 3, at: '2026-12-01T00:00:00.000Z' }, invalid: 400, created: [201, { name: 'pen', tags: 0 }],
      lambda: { statusCode: 200, headers: { 'content-type': 'application/json' } },
    });
    writeFileSync(join(project, 'require.cjs'), "const { createApp, handler } = require('carve');\nconst { toLambdaHandler } = require('carve/aws');\nconsole.log(typeof createApp, typeof handler, typeof toLambdaHandler);\n");
    expect(ok(project, 'node', ['require.cjs']).trim()).toBe('function function function');
  });

  for (const target of ['aws', 'azure', 'express', 'bun']) {
    it(`builds with npx carve build --target ${target}`, async () => {
      const coldStart = target === 'bun' ? ['--no-cold-start'] : [];
      const build = carve('build', '--app', 'src/app.ts', '--shape', 'nanoservices', '--target', target, '--json', ...coldStart);
      expect(build.status, build.stderr).toBe(0);
      const manifest = JSON.parse(build.stdout) as { target: string; units: { name: string; entry: string; coldStartMs: number | null; routes: unknown[] }[] };
      expect(manifest.target).toBe(target);
      const units = manifest.units.filter((u) => u.routes.length > 0);
      expect(units.map((u) => u.name).sort()).toEqual(['get-items-by-id', 'post-items']);
      for (const unit of manifest.units) {
        expect(existsSync(join(project, 'dist', target, 'nanoservices', unit.entry)), unit.entry).toBe(true);
        if (target !== 'bun') expect(unit.coldStartMs, unit.name).toBeGreaterThan(0);
      }
      if (target === 'aws') {
        const dir = join(project, 'dist/aws/nanoservices');
        expect(readdirSync(dir)).toEqual(expect.arrayContaining(['template.yaml', 'serverless.yml', 'carve-manifest.json']));
        const answer = ok(project, 'node', ['--input-type=module', '-e', `const { handler } = await import(${JSON.stringify(join(dir, 'get-items-by-id/index.js'))});
console.log(JSON.stringify(await handler({ version: '2.0', rawPath: '/items/zz', rawQueryString: '', headers: {}, requestContext: { requestId: 'b', http: { method: 'GET', path: '/items/zz', sourceIp: '1.1.1.1' } } }, {})));`]);
        expect(JSON.parse(answer)).toMatchObject({ statusCode: 200 });
      }
      if (target === 'azure') {
        // The function apps behind one API Management API, checked against the Azure SDK's models where they are installed.
        const apim = join(project, 'dist/azure/nanoservices/apim.json');
        expect(existsSync(apim)).toBe(true);
        const { python } = azureModels();
        if (python) expect(armCheck(python, apim)).toEqual({ status: 0, findings: '' });
      }
      if (target === 'express') {
        const [body, document] = await withServer(join(project, 'dist/express/nanoservices'), ['gateway.js'], async (base) =>
          Promise.all([(await fetch(`${base}/items/qq`)).json(), (await fetch(`${base}/openapi.json`)).json()]));
        expect(body).toMatchObject({ id: 'QQ' });
        // The whole app's document, as the build made it from the real handlers.
        expect(document).toEqual(JSON.parse(readFileSync(join(project, 'dist/express/nanoservices/openapi.json'), 'utf8')));
        expect(Object.keys((document as { paths: object }).paths).length).toBeGreaterThan(0);
      }
    }, 180_000);
  }

  it('builds into an --out folder outside the project, and the bundle runs from there', () => {
    const out = mkdtempSync(join(tmpdir(), 'carve-out-'));
    try {
      const build = carve('build', '--app', 'src/app.ts', '--shape', 'monolith', '--target', 'aws', '--out', out, '--no-cold-start');
      expect(build.status, build.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, 'aws/monolith/carve-manifest.json'), 'utf8')) as { units: { entry: string }[] };
      const entry = join(out, 'aws/monolith', manifest.units[0]!.entry);
      const answer = ok(out, 'node', ['--input-type=module', '-e', `const { handler } = await import(${JSON.stringify(entry)});
console.log((await handler({ version: '2.0', rawPath: '/items/zz', rawQueryString: '', headers: {}, requestContext: { requestId: 'o', http: { method: 'GET', path: '/items/zz', sourceIp: '1.1.1.1' } } }, {})).statusCode);`]);
      expect(answer.trim()).toBe('200');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('splits a legacy Express app, and the strangler runs on plain node', async () => {
    const legacy = join(project, 'legacy');
    cpSync(join(ROOT, 'examples/legacy-gradebook'), legacy, { recursive: true, filter: (f) => !/\.m?ts$/.test(f) });
    const split = carve('split', 'legacy', '--out', 'legacy/carve', '--force');
    expect(split.status, split.stderr).toBe(0);
    expect(split.stdout).toMatch(/7 of 7 routes converted/);
    const health = await withServer(project, ['legacy/carve/server.mjs'], async (base) => (await fetch(`${base}/health`)).json(), { PORT: String(await freePort()) });
    expect(health).toMatchObject({ status: 'ok' });
  });
});

describe('a legacy Express 4 app split with the installed carve', () => {
  it('installs beside Express 4 with no peer conflict, edits the entry, and the split app serves both sides', async () => {
    const legacy = join(scratch, 'express4-app');
    mkdirSync(legacy);
    writeFileSync(join(legacy, 'package.json'), `${JSON.stringify({ name: 'legacy-4', private: true }, null, 2)}\n`);
    // Express 4, as most legacy apps run it: an app-wide middleware built by a call, a listen at import, no export.
    writeFileSync(join(legacy, 'index.js'), [
      "const express = require('express');",
      'const app = express();',
      "app.use((req, res, next) => { res.set('x-legacy', express.application.del ? '4' : '5'); next(); });",
      "app.use(require('./stamp')('v1'));",
      "app.get('/items/:id', (req, res) => res.json({ id: req.params.id, stamp: req.stamp }));",
      "app.get(/^\\/old\\//, (req, res) => res.send('old'));",
      'app.listen(process.env.PORT || 3000);',
      '',
    ].join('\n'));
    writeFileSync(join(legacy, 'stamp.js'), "module.exports = (stamp) => (req, res, next) => { req.stamp = stamp; next(); };\n");
    npmInstall(legacy, tarball, 'express@^4.21.2', version('@vendia/serverless-express'), version('ts-morph'));
    const split = run(legacy, 'npx', ['--no-install', 'carve', 'split', '.']);
    expect(split.status, split.stderr).toBe(0);
    expect(split.stdout).toMatch(/^edit {7}index\.js:7: app\.listen\(\) only when the module is run as the entry/m);
    expect(split.stdout).toMatch(/1 of 2 routes converted .*, 1 left in the legacy app/);
    const answers = await withServer(legacy, ['carve/server.mjs'], async (base) => Promise.all(['/items/7', '/old/x'].map(async (path) => {
      const res = await fetch(`${base}${path}`);
      return [res.headers.get('x-legacy'), await res.text()];
    })), { PORT: String(await freePort()) });
    expect(answers).toEqual([['4', '{"id":"7","stamp":"v1"}'], ['4', 'old']]);
  }, 300_000);
});

describe('npx carve init', () => {
  it('writes a project that installs, type-checks, tests and builds on its own', () => {
    const init = carve('init', 'fresh-api', '--carve', `file:${tarball}`);
    expect(init.status, init.stderr).toBe(0);
    const fresh = join(project, 'fresh-api');
    expect(readdirSync(fresh).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src', 'tsconfig.json']);
    npmInstall(fresh);
    const test = ok(fresh, 'npm', ['test']);
    expect(test).toMatch(/# pass 3/);
    ok(fresh, 'npm', ['run', 'build']);
    const manifest = JSON.parse(readFileSync(join(fresh, 'dist/aws/nanoservices/carve-manifest.json'), 'utf8')) as { units: { name: string }[] };
    expect(manifest.units.map((u) => u.name)).toContain('get-greetings-by-name');
    expect(carve('init', 'fresh-api').stderr).toMatch(/^carve: .*fresh-api is not empty/m);
  }, 300_000);
});
