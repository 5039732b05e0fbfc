import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../analyze/types.js';
import { legacyImport } from './legacy.js';

/** legacyImport for the `app` declared in a module's text, from a split app in /p/carve. */
function importOf(source: string): { line: string | undefined; warnings: Warning[] } {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const file = project.createSourceFile('/p/app.js', source);
  const app = file.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((d) => d.getName() === 'app');
  const warnings: Warning[] = [];
  return { line: legacyImport(app, '/p/carve', warnings), warnings };
}

describe('legacyImport', () => {
  it('finds the app however the module exports it', () => {
    expect(importOf('const app = express();\nmodule.exports = app;\n').line).toBe("import legacy from '../app.js';");
    expect(importOf('const app = express();\nmodule.exports = { app, start };\n').line).toBe("import legacyModule from '../app.js';\nconst legacy = legacyModule.app;");
    expect(importOf('export const app = express();\n').line).toBe("import { app as legacy } from '../app.js';");
    expect(importOf('const app = express();\nif (require.main === module) app.listen(3000);\nmodule.exports = app;\n').line).toBe("import legacy from '../app.js';");
  });

  it('calls a factory that returns the app and needs nothing', () => {
    expect(importOf('module.exports = function createApp() {\n  const app = express();\n  return app;\n};\n').line).toBe("import legacyModule from '../app.js';\nconst legacy = legacyModule();");
    expect(importOf('exports.createApp = ({ db } = {}) => {\n  const app = express();\n  return app;\n};\n').line).toBe("import legacyModule from '../app.js';\nconst legacy = legacyModule.createApp();");
    expect(importOf('export function makeApp() {\n  const app = express();\n  return app;\n}\n').line).toBe("import { makeApp as legacyExport } from '../app.js';\nconst legacy = legacyExport();");
  });

  it('writes imports that load: an ES module\'s named factory, a CommonJS factory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carve-legacy-'));
    mkdirSync(join(dir, 'esm', 'carve'), { recursive: true });
    mkdirSync(join(dir, 'cjs', 'carve'), { recursive: true });
    writeFileSync(join(dir, 'esm', 'package.json'), '{ "type": "module" }\n');
    const esm = 'export function makeApp() {\n  const app = { made: "esm" };\n  return app;\n}\n';
    const cjs = 'module.exports = function createApp() {\n  const app = { made: "cjs" };\n  return app;\n};\n';
    for (const [kind, source] of [['esm', esm], ['cjs', cjs]] as const) {
      writeFileSync(join(dir, kind, 'app.js'), source);
      writeFileSync(join(dir, kind, 'carve', 'check.mjs'), `${importOf(source).line}\nexport default legacy;\n`);
      expect((await import(pathToFileURL(join(dir, kind, 'carve', 'check.mjs')).href)).default).toEqual({ made: kind });
    }
  });

  it('imports the default export of a module compiled to CommonJS (Babel, tsc) and of one run as an ES module', async () => {
    const source = 'export default function startServer({ listen } = {}) {\n  const app = { made: "default" };\n  if (listen === false) return app;\n  return app.listen();\n}\n';
    const line = importOf(source).line!;
    expect(line).toBe("import legacyExports from '../app.js';\nconst legacyModule = legacyExports?.__esModule ? legacyExports.default : legacyExports;\nconst legacy = legacyModule({ listen: false });");
    const dir = mkdtempSync(join(tmpdir(), 'carve-legacy-default-'));
    // What Babel writes for that source, and the source itself run as an ES module.
    const compiled = `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = ${source.replace('export default ', '')}`;
    for (const [kind, text] of [['compiled', compiled], ['esm', source]] as const) {
      mkdirSync(join(dir, kind, 'carve'), { recursive: true });
      writeFileSync(join(dir, kind, 'app.js'), text);
      writeFileSync(join(dir, kind, 'carve', 'check.mjs'), `${line}\nexport default legacy;\n`);
      expect((await import(pathToFileURL(join(dir, kind, 'carve', 'check.mjs')).href)).default, kind).toEqual({ made: 'default' });
    }
  });

  it('says in one line why a factory cannot be mounted', () => {
    const listens = importOf('module.exports = function (config) {\n  const app = express();\n  return new Promise((r) => app.listen(config.port, r));\n};\n');
    expect(listens.line).toBeUndefined();
    expect(listens.warnings.map((w) => [w.code, w.message])).toEqual([['LEGACY_NOT_EXPORTED', expect.stringMatching(/^the legacy app app is made inside a function, which needs arguments: /)]]);
    expect(importOf('module.exports = function (db) {\n  const app = express();\n  return app;\n};\n').warnings[0]?.message).toMatch(/which needs arguments/);
    const listensAtImport = importOf('const app = express();\napp.listen(3000);\nmodule.exports = app;\n');
    expect(listensAtImport.warnings.map((w) => w.code)).toEqual(['LEGACY_LISTENS']);
  });
});
