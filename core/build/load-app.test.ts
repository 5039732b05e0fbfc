import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/cli.js';
import { scratchDir } from '../../test/support/scratch.js';
import { loadApp } from './load-app.js';

const scratch = scratchDir('load-app');

describe('loadApp', () => {
  it('loads an app whose legacy code is ES syntax in a CommonJS package, as Babel projects write it (extensionless imports)', async () => {
    const dir = join(scratch, 'babel-style');
    mkdirSync(join(dir, 'src', 'db'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "babel-style", "private": true }\n');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'carve'));
    writeFileSync(join(dir, 'src', 'db', 'data.js'), 'export const rows = [{ name: "ada" }]\n');
    writeFileSync(join(dir, 'src', 'db', 'users.js'), "import { rows } from './data'\nexport const users = rows\n");
    writeFileSync(join(dir, 'src', 'names.js'), "import { users } from './db/users'\nexport default () => users.map((u) => u.name)\n");
    writeFileSync(join(dir, 'app.mjs'), [
      "import { createApp, handler } from 'carve';",
      "import names from './src/names.js';",
      "export default createApp({ handlers: [handler({ method: 'GET', path: '/names', auth: 'public' }, () => (names.default ?? names)())] });",
      '',
    ].join('\n'));
    const app = await loadApp(join(dir, 'app.mjs'));
    expect((await app.inject({ method: 'GET', url: '/names' })).body).toEqual(['ada']);
  });

  it('loads the TypeScript app of a CommonJS package (its exports are the default\'s fields), extensionless imports and its own tsconfig paths, from any working directory', async () => {
    const dir = join(scratch, 'commonjs-ts');
    mkdirSync(join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'carve'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "commonjs-ts", "private": true }\n');
    writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "module": "commonjs", "baseUrl": "src", "paths": { "@lib/*": ["lib/*"] } } }\n');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'carve'));
    mkdirSync(join(dir, 'src', 'lib'));
    writeFileSync(join(dir, 'src', 'lib', 'greeting.ts'), "export const greeting: string = 'hello';\n");
    writeFileSync(join(dir, 'src', 'server.ts'), "import { greeting } from '@lib/greeting';\nexport const word = greeting;\n");
    writeFileSync(join(dir, 'carve', 'app.ts'), [
      "import { createApp, handler } from 'carve';",
      "import { word } from '../src/server';",
      "export default createApp({ handlers: [handler({ method: 'GET', path: '/word', auth: 'public' }, () => ({ word }))] });",
      '',
    ].join('\n'));
    // Loaded from this repository's folder: the paths are the app's own tsconfig's, not the working directory's.
    const app = await loadApp(join(dir, 'carve', 'app.ts'));
    expect((await app.inject({ method: 'GET', url: '/word' })).body).toEqual({ word: 'hello' });
  });
});
