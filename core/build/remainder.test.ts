import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAppInScope } from './load-app.js';
import { findRemainderModule } from './remainder.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.carve'), { recursive: true });
const dir = mkdtempSync(join(root, '.carve', 'remainder-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, file, '..'), { recursive: true });
    writeFileSync(join(dir, name, file), text);
  }
  return join(dir, name, 'app.mjs');
}
const HANDLER = `import { handler } from 'carve';\nexport const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => 'pong');\n`;
const LEGACY = `const express = require('express');\nconst app = express();\napp.get('/old', (req, res) => res.send('old'));\nmodule.exports = app;\n`;
const find = async (appModule: string) => {
  const { app, importBeside } = await loadAppInScope(appModule);
  return findRemainderModule(appModule, app.remainder!, importBeside);
};

describe('the legacy remainder\'s module, so units that do not serve it can leave it out', () => {
  it('is found when the app module alone imports it, and its stub exports the same names as nothing', async () => {
    const appModule = project('alone', {
      'legacy.cjs': LEGACY, 'ping.mjs': HANDLER,
      'app.mjs': `import { createApp } from 'carve';\nimport legacy from './legacy.cjs';\nimport { ping } from './ping.mjs';\nexport default createApp({ handlers: [ping], remainder: legacy });\n`,
    });
    const found = await find(appModule);
    expect(found).toEqual({ file: join(dir, 'alone/legacy.cjs'), source: expect.stringContaining('export default undefined;') });
  });

  it('is found through a named ESM export as well', async () => {
    const appModule = project('named', {
      'legacy.mjs': `import express from 'express';\nexport const legacyApp = express();\nexport const version = 1;\n`, 'ping.mjs': HANDLER,
      'app.mjs': `import { createApp } from 'carve';\nimport { legacyApp } from './legacy.mjs';\nimport { ping } from './ping.mjs';\nexport default createApp({ handlers: [ping], remainder: legacyApp });\n`,
    });
    const found = await find(appModule);
    expect('source' in found && found.source.split('\n').slice(1)).toEqual(['export const legacyApp = undefined;', 'export const version = undefined;', '']);
  });

  it('is refused, with the reason, when a handler module imports it too', async () => {
    const appModule = project('shared', {
      'legacy.cjs': LEGACY,
      'ping.mjs': `import legacy from './legacy.cjs';\n${HANDLER}export const routes = () => legacy.length;\n`,
      'app.mjs': `import { createApp } from 'carve';\nimport legacy from './legacy.cjs';\nimport { ping } from './ping.mjs';\nexport default createApp({ handlers: [ping], remainder: legacy });\n`,
    });
    expect(await find(appModule)).toEqual({ reason: expect.stringMatching(/legacy\.cjs is imported by more than the app module/) });
  });

  it('is refused, with the reason, when the app module builds the remainder itself', async () => {
    const appModule = project('inline', {
      'ping.mjs': HANDLER,
      'app.mjs': `import express from 'express';\nimport { createApp } from 'carve';\nimport { ping } from './ping.mjs';\nexport default createApp({ handlers: [ping], remainder: express() });\n`,
    });
    expect(await find(appModule)).toEqual({ reason: expect.stringMatching(/does not import its legacy remainder from a module of its own/) });
  });
});
