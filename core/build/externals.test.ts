import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { nativeExternals } from './externals.js';

const scratch = scratchDir('externals');

describe('nativeExternals', () => {
  it('leaves out a package a dependency imports that is not installed, never one of Node\'s own modules', async () => {
    const dir = join(scratch, 'optional');
    mkdirSync(join(dir, 'node_modules', 'db-client'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'db-client', 'package.json'), '{ "name": "db-client", "main": "index.js" }\n');
    // What pg does: Node's modules without `node:`, and pg-native only behind a getter.
    writeFileSync(join(dir, 'node_modules', 'db-client', 'index.js'), "const crypto = require('crypto');\nconst net = require('net');\nconst { join } = require('path/posix');\nmodule.exports = { crypto, net, join, get native() { return require('pg-native'); } };\n");
    writeFileSync(join(dir, 'entry.js'), "module.exports = require('db-client');\n");
    const found = new Map<string, string>();
    const missing = new Set<string>();
    await build({ entryPoints: [join(dir, 'entry.js')], bundle: true, platform: 'node', write: false, logLevel: 'silent', plugins: [nativeExternals(found, missing)] });
    expect([...missing]).toEqual(['pg-native']);
    expect([...found]).toEqual([]);
  });
});
