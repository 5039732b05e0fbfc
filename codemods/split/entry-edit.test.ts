import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Node, Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../analyze/types.js';
import { applyEdits, type EntryEdit } from './entry-edit.js';
import { legacyImport } from './legacy.js';

/** The split app's import of the legacy `app` in these modules, the edits that made it possible, and the edited text. */
function edited(modules: Record<string, string>, entry = '/p/app.js') {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  for (const [path, text] of Object.entries(modules)) project.createSourceFile(path, text);
  const file = project.getSourceFileOrThrow(entry);
  // The app of a class field is the field, as analyze finds it.
  const app = project.getSourceFiles().flatMap((f) => f.getDescendantsOfKind(SyntaxKind.PropertyDeclaration)).find((p) => p.getName() === 'app')
    ?? file.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((d) => d.getName() === 'app');
  const warnings: Warning[] = [];
  const edits: EntryEdit[] = [];
  const line = legacyImport(app, '/p/carve', warnings, edits);
  const texts = Object.fromEntries([...new Set(edits.map((e) => e.file))].map((f) => [f, applyEdits(project.getSourceFileOrThrow(f), edits.filter((e) => e.file === f))]));
  return { line, edits, warnings, texts, text: texts[entry] };
}

describe('entry edits: the smallest change that lets the split app import the legacy app', () => {
  it('puts a listen that runs at import behind a main-module check (CommonJS, ES module, TypeScript)', () => {
    const cjs = edited({ '/p/app.js': "const app = express();\napp.listen(3000, () => console.log('up'));\nmodule.exports = app;\n" });
    expect(cjs.text).toBe("const app = express();\nif (require.main === module) app.listen(3000, () => console.log('up'));\nmodule.exports = app;\n");
    expect(cjs.line).toBe("import legacy from '../app.js';");
    expect(cjs.edits.map((e) => [e.line, e.change])).toEqual([[2, 'app.listen() only when the module is run as the entry (require.main === module)']]);
    const esm = edited({ '/p/app.mjs': "import express from 'express';\nexport const app = express();\napp.listen(3000);\n" }, '/p/app.mjs');
    expect(esm.text).toBe("import express from 'express';\nexport const app = express();\nif (import.meta.filename === process.argv[1]) app.listen(3000);\n");
    const ts = edited({ '/p/app.ts': "import express from 'express';\nexport const app = express();\napp.listen(3000);\n" }, '/p/app.ts');
    expect(ts.text).toContain("if (typeof module !== 'undefined' && require.main === module) app.listen(3000);");
  });

  it('keeps the start-up work around the listen: only the listen is guarded', () => {
    const then = edited({ '/p/app.js': 'const app = express();\ndb.connect().then(() => app.listen(3000));\nmodule.exports = app;\n' });
    expect(then.text).toBe('const app = express();\ndb.connect().then(() => {\n  if (require.main === module) return app.listen(3000);\n});\nmodule.exports = app;\n');
    const unused = edited({ '/p/app.js': 'const app = express();\nconst server = app.listen(3000);\nmodule.exports = app;\n' });
    expect(unused.text).toBe('const app = express();\nif (require.main === module) {\n  const server = app.listen(3000);\n}\nmodule.exports = app;\n');
    const used = edited({ '/p/app.js': "const app = express();\nconst server = app.listen(3000);\nserver.on('close', done);\nmodule.exports = app;\n" });
    expect(used.line).toBeUndefined();
    expect(used.edits).toEqual([]);
    expect(used.warnings.map((w) => [w.code, w.message])).toEqual([['LEGACY_LISTENS', expect.stringContaining('cannot guard it (its server server is used after it)')]]);
  });

  it('turns module.parent checks into require.main checks, so an import or a bundle does not listen', () => {
    const checks = edited({ '/p/app.js': "const app = express();\nif (!module.parent) app.listen(3000);\nconst log = module.parent && process.env.QUIET ? () => {} : console.log;\nmodule.exports = app;\n" });
    expect(checks.text).toBe("const app = express();\nif (require.main === module) app.listen(3000);\nconst log = require.main !== module && process.env.QUIET ? () => {} : console.log;\nmodule.exports = app;\n");
    expect(checks.line).toBe("import legacy from '../app.js';");
    expect(checks.edits.map((e) => e.change)).toEqual([expect.stringMatching(/^!module\.parent → require\.main === module/), expect.stringMatching(/^module\.parent → require\.main !== module/)]);
    // Another use of module.parent is not a check carve split can rewrite: the module is required with a parent instead.
    const value = edited({ '/p/app.js': "const app = express();\nconst caller = module.parent.filename;\nif (!module.parent) app.listen(3000);\nmodule.exports = app;\n" });
    expect(value.text).toBeUndefined();
    expect(value.line).toContain("createRequire(import.meta.url)('../app.js')");
    // A `module` of the file's own is not CommonJS's.
    const own = edited({ '/p/app.js': "const module = { parent: null };\nconst app = express();\nif (!module.parent) app.listen(3000);\nmodule.exports = app;\n" });
    expect(own.edits.some((e) => e.change.includes('module.parent →'))).toBe(false);
  });

  it('exports an app nobody exports, the way the module exports', () => {
    expect(edited({ '/p/app.js': 'const app = express();\nif (!module.parent) app.listen(3000);\n' })).toMatchObject({
      text: 'const app = express();\nif (require.main === module) app.listen(3000);\nmodule.exports = app;\n', line: "import legacy from '../app.js';",
    });
    expect(edited({ '/p/app.js': 'const app = express();\nexports.start = () => app.listen(3000);' })).toMatchObject({
      text: 'const app = express();\nexports.start = () => app.listen(3000);\nmodule.exports.app = app;\n', line: "import legacyModule from '../app.js';\nconst legacy = legacyModule.app;",
    });
    expect(edited({ '/p/app.mjs': "import express from 'express';\nconst app = express();\n" }, '/p/app.mjs')).toMatchObject({
      text: "import express from 'express';\nconst app = express();\nexport { app };\n", line: "import { app as legacy } from '../app.mjs';",
    });
  });

  it('gives a factory that listens a listen: false option, with which it returns the app', () => {
    const factory = edited({ '/p/app.js': 'module.exports = function ({ config } = {}) {\n  const app = express();\n  app.get(\'/\', hello);\n  return new Promise((r) => app.listen(config.port, r));\n};\n' });
    expect(factory.text).toBe('module.exports = function ({ config, listen } = {}) {\n  const app = express();\n  app.get(\'/\', hello);\n  if (listen === false) return app;\n  return new Promise((r) => app.listen(config.port, r));\n};\n');
    expect(factory.line).toBe("import legacyModule from '../app.js';\nconst legacy = legacyModule({ listen: false });");
    expect(edited({ '/p/app.js': 'exports.start = () => {\n  const app = express();\n  app.listen(3000);\n};\n' }).text)
      .toBe('exports.start = ({ listen } = {}) => {\n  const app = express();\n  if (listen === false) return app;\n  app.listen(3000);\n};\n');
    expect(edited({ '/p/app.js': 'module.exports = function (options = {}) {\n  const app = express();\n  app.listen(options.port);\n};\n' }).text)
      .toContain('  if (options?.listen === false) return app;\n  app.listen(options.port);');
    const needs = edited({ '/p/app.js': 'module.exports = function (config) {\n  const app = express();\n  app.listen(config.port);\n};\n' });
    expect([needs.line, needs.edits, needs.warnings[0]?.message]).toEqual([undefined, [], expect.stringMatching(/made inside a function, which needs arguments: /)]);
  });

  it('exports the app of the one class instance the project makes, and guards the call that listens', () => {
    const made = edited({
      '/p/src/app.ts': 'export class App {\n  public app = express();\n  public listen() {\n    this.app.listen(3000);\n  }\n}\n',
      '/p/src/server.ts': "import { App } from './app';\nconst app = new App();\napp.listen();\n",
    }, '/p/src/server.ts');
    expect(made.text).toBe("import { App } from './app';\nconst app = new App();\nif (typeof module !== 'undefined' && require.main === module) app.listen();\nexport const expressApp = app.app;\n");
    expect(made.line).toBe("import { expressApp as legacy } from '../src/server.js';");
    const twice = edited({
      '/p/src/app.ts': 'export class App {\n  public app = express();\n}\n',
      '/p/src/a.ts': "import { App } from './app';\nconst a = new App();\n", '/p/src/b.ts': "import { App } from './app';\nconst b = new App();\n",
    }, '/p/src/a.ts');
    expect(twice.warnings[0]?.message).toMatch(/field app of a class, made in 2 places: /);
  });

  it('a second split finds what the first one edited and edits nothing more', () => {
    const cases: [Record<string, string>, string][] = [
      [{ '/p/app.js': 'const app = express();\napp.listen(3000);\n' }, '/p/app.js'],
      [{ '/p/app.js': 'module.exports = function ({ config } = {}) {\n  const app = express();\n  return app.listen(config.port);\n};\n' }, '/p/app.js'],
      [{ '/p/src/app.ts': 'export class App {\n  public app = express();\n}\n', '/p/src/server.ts': "import { App } from './app';\nconst app = new App();\napp.app.listen(3000);\n" }, '/p/src/server.ts'],
    ];
    for (const [modules, entry] of cases) {
      const first = edited(modules, entry);
      expect(first.edits.length, entry).toBeGreaterThan(0);
      const again = edited({ ...modules, ...first.texts }, entry);
      expect([again.line, again.edits]).toEqual([first.line, []]);
    }
  });

  it('the edited modules load without listening, and the split app\'s import gets the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carve-entry-'));
    // An app whose listen() throws: importing the edited module must not call it.
    const fakeApp = "{ made: 'here', listen() { throw new Error('listened at import'); } }";
    const sources: Record<string, string> = {
      cjs: `const app = ${fakeApp};\napp.listen(3000);\n`,
      esm: `export const x = 1;\nconst app = ${fakeApp};\napp.listen(3000);\n`,
      factory: `module.exports = function ({ port } = {}) {\n  const app = ${fakeApp};\n  return new Promise((r) => app.listen(port, r));\n};\n`,
    };
    for (const [kind, source] of Object.entries(sources)) {
      mkdirSync(join(dir, kind, 'carve'), { recursive: true });
      const entry = join(dir, kind, 'app.js');
      writeFileSync(entry, source);
      const project = new Project({ compilerOptions: { allowJs: true } });
      const file = project.addSourceFileAtPath(entry);
      const app = file.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((d) => d.getName() === 'app' && Node.isObjectLiteralExpression(d.getInitializer()));
      const edits: EntryEdit[] = [];
      const line = legacyImport(app, join(dir, kind, 'carve'), [], edits);
      writeFileSync(entry, applyEdits(file, edits));
      writeFileSync(join(dir, kind, 'carve', 'check.mjs'), `${line}\nexport default legacy;\n`);
      expect((await import(pathToFileURL(join(dir, kind, 'carve', 'check.mjs')).href)).default, kind).toMatchObject({ made: 'here' });
    }
  });
});
