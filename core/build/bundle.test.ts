import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { build, type Plugin } from 'esbuild';
import { bundleModule } from './bundle.js';
import { nodeConditions } from './conditions.js';
import { es2015Builds } from './es2015.js';
import { leaveOutBuildOnly } from './left-out.js';

const scratch = scratchDir('bundle');

/** Writes an entry module to a folder of its own; the function bundles it with the given plugins and lists the modules bundled. */
function moduleBundler(name: string, source: string): (plugins: Plugin[]) => Promise<string[]> {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'entry.ts'), source);
  return async (plugins) => Object.keys((await build({
    entryPoints: [join(dir, 'entry.ts')], bundle: true, write: false, format: 'esm', platform: 'node', metafile: true, logLevel: 'silent',
    conditions: [...nodeConditions(), 'module'], plugins,
  })).metafile.inputs);
}

describe('bundles', () => {
  it('give bundled CommonJS packages require, __dirname and __filename, beside an ES module that declares its own', async () => {
    const dir = join(scratch, 'cjs-in-esm');
    mkdirSync(join(dir, 'node_modules', 'logger'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'logger', 'package.json'), '{ "name": "logger", "main": "index.js" }\n');
    // What pino does at import: a path from __dirname, a built-in from require.
    writeFileSync(join(dir, 'node_modules', 'logger', 'index.js'), "const path = require('path');\nexports.worker = path.join(__dirname, 'worker.js');\nexports.file = __filename;\n");
    writeFileSync(join(dir, 'own.mjs'), "import { fileURLToPath } from 'node:url';\nconst __dirname = fileURLToPath(new URL('.', import.meta.url));\nexport const own = __dirname;\n");
    writeFileSync(join(dir, 'entry.mjs'), "import logger from 'logger';\nimport { own } from './own.mjs';\nexport default { worker: logger.worker, file: logger.file, own };\n");
    const out = join(dir, 'out', 'bundle.mjs');
    mkdirSync(join(dir, 'out'));
    writeFileSync(out, await bundleModule(join(dir, 'entry.mjs')));
    // In a Node process of its own: the test runner's module loader defines __dirname in every module itself.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(out).href)}); console.log(JSON.stringify(m.default));`], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ worker: join(dir, 'out', 'worker.js'), file: out, own: `${join(dir, 'out')}/` });
  });

  it("leave out of a unit the OpenAPI generator, and take tsyringe's ES2015 build", async () => {
    const inputs = moduleBundler('unit-parts', "import { createApp } from 'carve';\nimport { container } from 'tsyringe';\nexport default [createApp({ handlers: [] }), container];\n");
    const plain = await inputs([]);
    expect(plain).toEqual(expect.arrayContaining(['core/openapi.ts', 'node_modules/tsyringe/dist/cjs/index.js']));
    const unit = await inputs([leaveOutBuildOnly(), es2015Builds()]);
    expect(unit).toContain('core/openapi-left-out.ts');
    expect(unit).not.toContain('core/openapi.ts');
    expect(unit).not.toContain('core/json-schema.ts');
    expect(unit.filter((file) => /node_modules\/tsyringe\/dist\/(?!esm2015\/)/.test(file))).toEqual([]);
    // carve's tsyringe loader as an ES module (tsyringe tree-shaken), the Reflect shim ahead of it.
    expect(unit).toEqual(expect.arrayContaining(['core/tsyringe-module.ts', 'core/reflect-metadata.ts']));
    expect(unit).not.toContain('core/tsyringe.cts');
  });

  it('run tsyringe in a unit after the Reflect shim it asks for when it loads', async () => {
    const dir = join(scratch, 'di-unit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'entry.ts'), "import { createApp, handler, token } from 'carve';\nconst Greeting = token('Greeting', { factory: () => 'hello' });\n"
      + "const hi = handler({ method: 'GET', path: '/hi', auth: 'public', inject: { greeting: Greeting } }, (_input, { greeting }) => ({ greeting }));\n"
      + "const response = await createApp({ handlers: [hi] }).handle({ method: 'GET', path: '/hi', headers: {} });\nconsole.log(response.body);\n");
    const out = join(dir, 'unit.mjs');
    writeFileSync(out, await bundleModule(join(dir, 'entry.ts'), { zodLocales: ['en'] }));
    expect(readFileSync(out, 'utf8')).not.toContain('autoInjectable');
    const run = spawnSync(process.execPath, [out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ greeting: 'hello' });
  });

  it('leave the JWT verifier and jose out of a unit whose routes are all public, and only of such a unit', async () => {
    const inputs = moduleBundler('public-unit', "import { createApp, jwtAuth } from 'carve';\nexport default createApp({ handlers: [], auth: jwtAuth({ secret: 's' }) });\n");
    const guarded = await inputs([leaveOutBuildOnly()]);
    expect(guarded).toContain('core/auth/jwt.ts');
    expect(guarded.some((file) => file.includes('node_modules/jose/'))).toBe(true);
    const open = await inputs([leaveOutBuildOnly({ publicOnly: true })]);
    expect(open).toContain('core/auth/jwt-left-out.ts');
    expect(open).not.toContain('core/auth/jwt.ts');
    expect(open.filter((file) => file.includes('node_modules/jose/'))).toEqual([]);
  });
});
