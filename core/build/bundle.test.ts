import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { bundleModule } from './bundle.js';

const scratch = scratchDir('bundle');

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
});
