import { relative } from 'node:path';
import { Node, SyntaxKind, type ClassDeclaration, type PropertyDeclaration, type SourceFile } from 'ts-morph';
import type { Warning } from '../analyze/types.js';
import { exportApp, guardListen, listenOption, listenOptionOf, mainModuleChecks, type EntryEdit } from './entry-edit.js';
import { compiledDefault, defaultOf } from './interop.js';

/**
 * How the split app imports the legacy app, or a warning why it cannot. The app is found however its module
 * exports it (`module.exports = app`, `= { app, start }`, `exports.app`, `export default`, `export { app }`,
 * `export const app`); a `listen()` behind a main-module check (`require.main === module`, `!module.parent`,
 * `import.meta`) or in a function the module never calls does not run when it is imported. Given `edits`, an
 * entry that exports nothing or listens at import gets the smallest edit that lets it be imported (entry-edit.ts),
 * pushed there; without, a warning says what to change.
 */
export function legacyImport(rootApp: Node | undefined, out: string, warnings: Warning[], edits?: EntryEdit[]): string | undefined {
  return legacyImportOf(rootApp, out, warnings, edits)?.line;
}

/** The same, with the module the split app imports (the entry that makes the app's instance, for a class's app). */
export function legacyImportOf(rootApp: Node | undefined, out: string, warnings: Warning[], edits?: EntryEdit[]): { line: string; file: string } | undefined {
  const ref = legacyRef(rootApp, out, warnings, edits);
  if (!ref) return undefined;
  // An ES module's import (or a bundler's wrapper) leaves a CommonJS module without module.parent, so
  // `if (!module.parent) app.listen()` would listen: the check becomes `require.main === module`, or, where it
  // cannot, the module is required, with a parent, as its own `require` would load it (carve build cannot bundle that).
  const checksParent = /\bmodule\.parent\b/.test(ref.file.getFullText()) && /\.c?js$/.test(ref.file.getFilePath());
  const checks = checksParent && edits ? mainModuleChecks(ref.file) : undefined;
  if (Array.isArray(checks)) edits!.push(...checks);
  return { line: importLine(ref, checksParent && !Array.isArray(checks)), file: ref.file.getFilePath() };
}

function importLine(ref: LegacyRef, required: boolean): string {
  const { spec, named, access } = ref;
  if (required) {
    const value = `createRequire(import.meta.url)('${spec}')${named ? `.${named}` : ''}`;
    return `import { createRequire } from 'node:module';\n${access ? `const legacyModule = ${value};\nconst legacy = legacyModule${access};` : `const legacy = ${value};`}`;
  }
  if (named) return access ? `import { ${named} as legacyExport } from '${spec}';\nconst legacy = legacyExport${access};` : `import { ${named} as legacy } from '${spec}';`;
  // `export default` in a package that is not an ES one may be compiled to CommonJS (Babel, tsc), where an
  // import's default is the whole exports object and the export is its `default`.
  if (compiledDefault(ref.file)) {
    const value = defaultOf('legacyExports');
    return `import legacyExports from '${spec}';\n${access ? `const legacyModule = ${value};\nconst legacy = legacyModule${access};` : `const legacy = ${value};`}`;
  }
  return access ? `import legacyModule from '${spec}';\nconst legacy = legacyModule${access};` : `import legacy from '${spec}';`;
}

/** Where the legacy app is: the module, the export (the default one, or `named`), and what to take of it (`.app`, `()`). */
interface LegacyRef {
  file: SourceFile;
  spec: string;
  named?: string | undefined;
  access: string;
}

function legacyRef(rootApp: Node | undefined, out: string, warnings: Warning[], edits: EntryEdit[] | undefined): LegacyRef | undefined {
  if (!rootApp || !(Node.isVariableDeclaration(rootApp) || Node.isPropertyDeclaration(rootApp))) return undefined;
  const file = rootApp.getSourceFile();
  const name = rootApp.getName();
  const where = { file: relative(process.cwd(), file.getFilePath()), line: rootApp.getStartLineNumber() };
  const spec = specOf(file, out);
  if (Node.isPropertyDeclaration(rootApp)) return classFieldRef(rootApp, out, where, warnings, edits);
  const maker = rootApp.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a));
  if (maker) return factoryImport(maker, name, spec, where, warnings, edits);
  const guards: EntryEdit[] = [];
  for (const listen of listensAtImport(file, (callee) => callee === `${name}.listen`)) {
    const guarded = edits ? guardListen(listen) : undefined;
    if (!guarded || typeof guarded === 'string') {
      warnings.push({ code: 'LEGACY_LISTENS', file: where.file, line: listen.getStartLineNumber(), message: `${name}.listen() runs when the legacy module is imported${guarded ? ` and carve split cannot guard it (${guarded})` : ''}: put it behind \`if (require.main === module)\` (or move it to an entry file of its own), so the split app can mount the app` });
      return undefined;
    }
    guards.push(guarded);
  }
  const exported = exportedRef(file, name, rootApp.getInitializer()?.getText() ?? '');
  if (exported) {
    edits?.push(...guards);
    return { file, spec, ...exported };
  }
  if (!edits) {
    warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app ${name} is not exported; export it so the split app can mount it behind the carve routes` });
    return undefined;
  }
  const added = exportApp(file, name);
  edits.push(...guards, added.edit);
  return { file, spec, named: added.named, access: added.access };
}

/** How the module already exports `name`, if it does. */
function exportedRef(file: SourceFile, name: string, initializer: string): { named?: string; access: string } | undefined {
  const text = file.getFullText();
  if (/^module\.exports\s*=/.test(initializer) || new RegExp(`module\\.exports\\s*=\\s*${name}\\s*;?\\s*(\\n|$)|export\\s+default\\s+${name}\\b`).test(text)) return { access: '' };
  if (new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(text) || new RegExp(`export\\s+(const|let|var)\\s+${name}\\b`).test(text)) return { named: name, access: '' };
  // CommonJS: `module.exports = { app, start }`, `exports.app = app`, `module.exports.server = app`.
  const property = exportedProperty(file, name);
  return property ? { access: `.${property}` } : undefined;
}

/**
 * The app is a field of a class (`this.app = express()` in `class App`), made by the one `new App(…)` of the
 * project at a module's top level: that module exports the instance's field (`export const expressApp =
 * app.app`), and its calls that listen (`app.listen()`, a method that calls `this.app.listen`) run only when it
 * is the entry.
 */
function classFieldRef(field: PropertyDeclaration, out: string, where: { file: string; line: number }, warnings: Warning[], edits: EntryEdit[] | undefined): LegacyRef | undefined {
  const name = field.getName();
  const cls = field.getParent() as ClassDeclaration;
  const fail = (why: string) => {
    warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app is the field ${name} of a class${why}: export an instance's app (\`export default new App(routes).app\`) from a module that does not listen, so the split app can mount it` });
    return undefined;
  };
  const className = cls.getName();
  if (!className || field.getScope() !== 'public' || Node.isPrivateIdentifier(field.getNameNode())) return fail(className ? ' that is not public' : '');
  const made = field.getProject().getSourceFiles().flatMap((f) => f.getDescendantsOfKind(SyntaxKind.NewExpression))
    .filter((n) => n.getExpression().getText() === className && Node.isVariableDeclaration(n.getParent()) && Node.isSourceFile(n.getParent()!.getParent()?.getParent()?.getParent()));
  if (made.length !== 1) return fail(made.length > 1 ? `, made in ${made.length} places` : ', made nowhere at a module\'s top level');
  const instance = made[0]!.getParent() as Node & { getName(): string };
  const file = instance.getSourceFile();
  const spec = specOf(file, out);
  const value = `${instance.getName()}.${name}`;
  const already = file.getVariableDeclarations().find((d) => d.getInitializer()?.getText() === value && d.getVariableStatement()?.isExported());
  if (already) return { file, spec, named: already.getName(), access: '' };
  if (!edits) return fail('');
  const listening = new Set(cls.getMethods().filter((m) => m.getBody()?.getText().includes(`this.${name}.listen(`)).map((m) => `${instance.getName()}.${m.getName()}`));
  const guards: EntryEdit[] = [];
  for (const call of listensAtImport(file, (callee) => listening.has(callee) || callee === `${value}.listen`)) {
    const guarded = guardListen(call);
    if (typeof guarded === 'string') return fail(` whose instance listens in ${file.getBaseName()} (${guarded})`);
    guards.push(guarded);
  }
  const taken = new Set(file.getVariableDeclarations().map((d) => d.getName()));
  const exportName = ['expressApp', 'legacyApp'].find((n) => !taken.has(n));
  if (!exportName) return fail('');
  const added = exportApp(file, exportName, value);
  edits.push(...guards, added.edit);
  return { file, spec, named: added.named, access: added.access };
}

const specOf = (file: SourceFile, out: string) => {
  const rel = relative(out, file.getFilePath()).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/**
 * The app made inside a function: `module.exports = function createApp() { const app = express(); …; return app; }`
 * (or `export function`, `exports.createApp =`) is called by the split app, when it needs no arguments. One that
 * also listens gets a `listen: false` option (with edits), with which it returns the app before listening;
 * anything else is a one-line reason.
 */
function factoryImport(fn: Node, name: string, spec: string, where: { file: string; line: number }, warnings: Warning[], edits: EntryEdit[] | undefined): LegacyRef | undefined {
  const maker = fn as Node & { getParameters(): (Node & { hasInitializer?(): boolean; isOptional?(): boolean; getNameNode(): Node })[]; getBody(): Node | undefined };
  const params = maker.getParameters();
  const body = maker.getBody();
  const statements = body && Node.isBlock(body) ? body.getStatements() : [];
  const returnsApp = !!body && (Node.isBlock(body) ? statements.some((st) => Node.isReturnStatement(st) && st.getExpression()?.getText() === name) : body.getText() === name);
  const listen = body?.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => call.getExpression().getText() === `${name}.listen`);
  const needsArgs = params.some((p) => !p.hasInitializer?.() && !p.isOptional?.() && !Node.isObjectBindingPattern(p.getNameNode()));
  const parent = fn.getParent();
  const exportedAs = Node.isBinaryExpression(parent) ? /^(?:module\.exports|(?:module\.)?exports\.(\w+))$/.exec(parent.getLeft().getText()) : undefined;
  // `export function makeApp` is a named export of an ES module (a default import of it has nothing).
  const named = Node.isFunctionDeclaration(fn) && fn.isExported() && !fn.isDefaultExport() ? fn.getName() : undefined;
  const callee = exportedAs ? (exportedAs[1] ? `.${exportedAs[1]}` : '') : Node.isFunctionDeclaration(fn) && fn.isExported() ? '' : undefined;
  const file = fn.getSourceFile();
  const fail = (why: string) => {
    warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app ${name} is made inside a function, ${why}: export a function that takes no arguments and returns the app (listen elsewhere), so the split app can mount it` });
    return undefined;
  };
  if (callee === undefined) return fail('which the module does not export');
  if (needsArgs) return fail('which needs arguments');
  if (listen && listenOptionOf(statements, name)) return { file, spec, named, access: `${callee}({ listen: false })` };
  if (listen) {
    // The statement of the function's own body that listens, after the app is made there.
    const statement = statements.find((st) => st.getStart() <= listen.getStart() && listen.getEnd() <= st.getEnd());
    const madeHere = statements.some((st) => Node.isVariableStatement(st) && st.getDeclarations().some((d) => d.getName() === name));
    if (!edits || !statement || !madeHere) return fail('which also listens');
    const option = listenOption(maker, name, statement);
    if (typeof option === 'string') return fail(`which also listens, and carve split cannot give it a listen: false option (${option})`);
    edits.push(...option);
    return { file, spec, named, access: `${callee}({ listen: false })` };
  }
  if (!returnsApp) return fail('which does not return it');
  return { file, spec, named, access: `${callee}()` };
}

/** The calls that listen (`callee` says which) that run when the module is imported. */
function listensAtImport(file: SourceFile, listens: (callee: string) => boolean): Node[] {
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    if (!listens(call.getExpression().getText())) return false;
    for (let node: Node | undefined = call.getParent(); node && node !== file; node = node.getParent()) {
      if (Node.isIfStatement(node) && isMainCheck(node.getExpression().getText())) return false;
      if (Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isArrowFunction(node) || Node.isMethodDeclaration(node)) return calledAtImport(node, file);
    }
    return true;
  });
}

const isMainCheck = (condition: string) => /require\.main\s*===?\s*module|module\s*===?\s*require\.main|!\s*module\.parent|import\.meta\.(main|url|filename|dirname)/.test(condition);

/** Whether the module's own top level calls this function (directly, by its name). */
function calledAtImport(fn: Node, file: SourceFile): boolean {
  const holder = Node.isFunctionDeclaration(fn) ? fn : fn.getParentIfKind(SyntaxKind.VariableDeclaration);
  const fnName = holder && (Node.isFunctionDeclaration(holder) || Node.isVariableDeclaration(holder)) ? holder.getName() : undefined;
  // An unnamed function: an immediately invoked one, or a callback passed to something that may run it (db.connect().then(() => app.listen())).
  // One stored to be called later (`exports.start = () => app.listen()`, `{ start() {} }`) is not called here.
  const parent = fn.getParent();
  if (!fnName) return !Node.isPropertyAssignment(parent) && !Node.isExportAssignment(parent) && !(Node.isBinaryExpression(parent) && parent.getRight() === fn && parent.getOperatorToken().getText() === '=');
  return file.getStatements().some((statement) => {
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) return false;
    return statement.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => call.getExpression().getText() === fnName
      && !call.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a))
      && !call.getFirstAncestor((a) => Node.isIfStatement(a) && isMainCheck(a.getExpression().getText())));
  });
}

/** The property of `module.exports` (or `exports`) that holds the app. */
function exportedProperty(file: SourceFile, name: string): string | undefined {
  for (const assignment of file.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    const left = assignment.getLeft().getText();
    const right = assignment.getRight();
    const direct = /^(?:module\.)?exports\.(\w+)$/.exec(left);
    if (direct && right.getText() === name) return direct[1];
    if (left === 'module.exports' && Node.isObjectLiteralExpression(right)) {
      for (const property of right.getProperties()) {
        if (Node.isShorthandPropertyAssignment(property) && property.getName() === name) return name;
        if (Node.isPropertyAssignment(property) && property.getInitializer()?.getText() === name) return property.getName();
      }
    }
  }
  return undefined;
}
