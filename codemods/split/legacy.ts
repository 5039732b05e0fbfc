import { relative } from 'node:path';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { Warning } from '../analyze/types.js';

/**
 * How the split app imports the legacy app, or a warning why it cannot. The app is found however its module
 * exports it (`module.exports = app`, `= { app, start }`, `exports.app`, `export default`, `export { app }`,
 * `export const app`); a `listen()` behind a main-module check (`require.main === module`, `!module.parent`,
 * `import.meta`) or in a function the module never calls does not run when it is imported.
 */
export function legacyImport(rootApp: Node | undefined, out: string, warnings: Warning[]): string | undefined {
  const ref = legacyRef(rootApp, out, warnings);
  if (!ref) return undefined;
  // An ES module's import leaves a CommonJS module without module.parent, so `if (!module.parent) app.listen()`
  // would listen: such a module is required, with a parent, as its own `require` would load it.
  const file = rootApp!.getSourceFile();
  const required = /\bmodule\.parent\b/.test(file.getFullText()) && /\.c?js$/.test(file.getFilePath());
  const { spec, named, access } = ref;
  if (required) {
    const value = `createRequire(import.meta.url)('${spec}')${named ? `.${named}` : ''}`;
    return `import { createRequire } from 'node:module';\n${access ? `const legacyModule = ${value};\nconst legacy = legacyModule${access};` : `const legacy = ${value};`}`;
  }
  if (named) return access ? `import { ${named} as legacyExport } from '${spec}';\nconst legacy = legacyExport${access};` : `import { ${named} as legacy } from '${spec}';`;
  return access ? `import legacyModule from '${spec}';\nconst legacy = legacyModule${access};` : `import legacy from '${spec}';`;
}

/** Where the legacy app is: the module, the export (the default one, or `named`), and what to take of it (`.app`, `()`). */
interface LegacyRef {
  spec: string;
  named?: string | undefined;
  access: string;
}

function legacyRef(rootApp: Node | undefined, out: string, warnings: Warning[]): LegacyRef | undefined {
  if (!rootApp || !(Node.isVariableDeclaration(rootApp) || Node.isPropertyDeclaration(rootApp))) return undefined;
  const file = rootApp.getSourceFile();
  const name = rootApp.getName();
  const where = { file: relative(process.cwd(), file.getFilePath()), line: rootApp.getStartLineNumber() };
  const rel = relative(out, file.getFilePath()).replace(/\.ts$/, '.js');
  const spec = rel.startsWith('.') ? rel : `./${rel}`;
  if (Node.isPropertyDeclaration(rootApp)) {
    warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app is the field ${name} of a class: export an instance's app (\`export default new App(routes).app\`) from a module that does not listen, so the split app can mount it` });
    return undefined;
  }
  const maker = rootApp.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a));
  if (maker) return factoryImport(maker, name, spec, where, warnings);
  const listen = listensAtImport(file, name);
  if (listen) {
    warnings.push({ code: 'LEGACY_LISTENS', file: where.file, line: listen.getStartLineNumber(), message: `${name}.listen() runs when the legacy module is imported: put it behind \`if (require.main === module)\` (or move it to an entry file of its own), so the split app can mount the app` });
    return undefined;
  }
  const text = file.getFullText();
  const assignedToExports = /^module\.exports\s*=/.test(rootApp.getInitializer()?.getText() ?? '');
  if (assignedToExports || new RegExp(`module\\.exports\\s*=\\s*${name}\\s*;?\\s*(\\n|$)|export\\s+default\\s+${name}\\b`).test(text)) return { spec, access: '' };
  if (new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(text) || new RegExp(`export\\s+(const|let|var)\\s+${name}\\b`).test(text)) return { spec, named: name, access: '' };
  // CommonJS: `module.exports = { app, start }`, `exports.app = app`, `module.exports.server = app`.
  const property = exportedProperty(file, name);
  if (property) return { spec, access: `.${property}` };
  warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app ${name} is not exported; export it so the split app can mount it behind the carve routes` });
  return undefined;
}

/**
 * The app made inside a function: `module.exports = function createApp() { const app = express(); …; return app; }`
 * (or `export function`, `exports.createApp =`) is called by the split app, when it needs no arguments and does
 * not listen; anything else is a one-line reason.
 */
function factoryImport(fn: Node, name: string, spec: string, where: { file: string; line: number }, warnings: Warning[]): LegacyRef | undefined {
  const maker = fn as Node & { getParameters(): (Node & { hasInitializer?(): boolean; isOptional?(): boolean; getNameNode(): Node })[]; getBody(): Node | undefined };
  const params = maker.getParameters();
  const body = maker.getBody();
  const returnsApp = !!body && (Node.isBlock(body) ? body.getStatements().some((st) => Node.isReturnStatement(st) && st.getExpression()?.getText() === name) : body.getText() === name);
  const listens = !!body && body.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => /\.listen$/.test(call.getExpression().getText()) && call.getExpression().getText().startsWith(`${name}.`));
  const needsArgs = params.some((p) => !p.hasInitializer?.() && !p.isOptional?.() && !Node.isObjectBindingPattern(p.getNameNode()));
  const parent = fn.getParent();
  const exportedAs = Node.isBinaryExpression(parent) ? /^(?:module\.exports|(?:module\.)?exports\.(\w+))$/.exec(parent.getLeft().getText()) : undefined;
  // `export function makeApp` is a named export of an ES module (a default import of it has nothing).
  const named = Node.isFunctionDeclaration(fn) && fn.isExported() && !fn.isDefaultExport() ? fn.getName() : undefined;
  const access = exportedAs ? `${exportedAs[1] ? `.${exportedAs[1]}` : ''}()` : Node.isFunctionDeclaration(fn) && fn.isExported() ? '()' : undefined;
  if (returnsApp && !listens && !needsArgs && access) return { spec, named, access };
  const why = listens ? 'which also listens' : !returnsApp ? 'which does not return it' : needsArgs ? 'which needs arguments' : 'which the module does not export';
  warnings.push({ code: 'LEGACY_NOT_EXPORTED', ...where, message: `the legacy app ${name} is made inside a function, ${why}: export a function that takes no arguments and returns the app (listen elsewhere), so the split app can mount it` });
  return undefined;
}

/** The `listen()` call on the app that runs when the module is imported, if any. */
function listensAtImport(file: SourceFile, name: string): Node | undefined {
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen' || callee.getExpression().getText() !== name) return false;
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
  if (!fnName) return !Node.isPropertyAssignment(fn.getParent()) && !Node.isExportAssignment(fn.getParent());
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
