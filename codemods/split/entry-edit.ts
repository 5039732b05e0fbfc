import { dirname, relative } from 'node:path';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { packageType } from './paths.js';

/**
 * The smallest edits to a legacy entry that let the split app import its app: an export for an app nobody
 * exports, a main-module check around a `listen()` that runs at import, a `listen: false` option for a
 * factory that listens. Each edit is text inserted at a place (the rest of the file stays byte for byte),
 * shown in the diff and in the report's `edits`.
 */
export interface EntryEdit {
  /** The edited file, absolute. */
  file: string;
  line: number;
  /** What was changed, in words. */
  change: string;
  at: number;
  insert: string;
  /** Text the insertion replaces (from `at`), when it wraps or replaces code. */
  replaces?: string | undefined;
}

/** The file's text with its edits made. */
export function applyEdits(file: SourceFile, edits: EntryEdit[]): string {
  let text = file.getFullText();
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + (edit.replaces?.length ?? 0));
  return text;
}

/** How the module is run: as an ES module (import.meta) or as CommonJS (require.main), and how it exports. */
export function moduleKind(file: SourceFile): { runsAsEsm: boolean; esmSyntax: boolean; typescript: boolean; declaredEsm: boolean } {
  const path = file.getFilePath();
  const esmSyntax = file.getImportDeclarations().length > 0 || file.getExportDeclarations().length > 0 || file.getExportAssignments().length > 0
    || file.getStatements().some((s) => Node.isModifierable(s) && s.hasModifier(SyntaxKind.ExportKeyword));
  const typescript = /\.[mc]?tsx?$/.test(path);
  if (/\.m[jt]s$/.test(path)) return { runsAsEsm: true, esmSyntax: true, typescript, declaredEsm: true };
  if (/\.c[jt]s$/.test(path)) return { runsAsEsm: false, esmSyntax, typescript, declaredEsm: false };
  // A .ts file with import syntax compiles to CommonJS unless the package is an ES one; Node runs a .js file
  // with import syntax as an ES module (syntax detection, Node ≥ 20.19).
  const declaredEsm = packageType(dirname(path)) === 'module';
  return { runsAsEsm: declaredEsm || (!typescript && esmSyntax), esmSyntax, typescript, declaredEsm };
}

/** A check that is true only when the module is the program's entry (never when the split app imports it). */
export function mainCheck(file: SourceFile): string {
  const { runsAsEsm, typescript } = moduleKind(file);
  if (runsAsEsm) return 'import.meta.filename === process.argv[1]';
  // TypeScript compiled to CommonJS may also be bundled as an ES module (carve dev), where `module` is not defined.
  return typescript ? "typeof module !== 'undefined' && require.main === module" : 'require.main === module';
}

/**
 * `!module.parent` → `require.main === module` (and `module.parent` as a condition → `require.main !== module`): the
 * same answer when Node runs or requires the module, and the right one when an ES module imports it or a bundler
 * wraps it (carve build), where `module.parent` is unset and `!module.parent` would listen. Deprecated anyway
 * (DEP0144). A string says why not: another use of `module.parent` (`module.parent.filename`) keeps it as it is.
 */
export function mainModuleChecks(file: SourceFile): EntryEdit[] | string {
  const edits: EntryEdit[] = [];
  for (const access of file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
    const base = access.getExpression();
    // CommonJS's own `module` (TypeScript's synthetic one of a JS file, or @types/node's), not a binding of the file's.
    const own = base.getSymbol()?.getDeclarations().some((d) => !Node.isIdentifier(d) && !d.getSourceFile().isDeclarationFile());
    if (access.getName() !== 'parent' || !Node.isIdentifier(base) || base.getText() !== 'module' || own) continue;
    const parent = access.getParent();
    const negated = Node.isPrefixUnaryExpression(parent) && parent.getOperatorToken() === SyntaxKind.ExclamationToken ? parent : undefined;
    const target = negated ?? access;
    if (!negated && !isCondition(access)) return `module.parent is used as a value at line ${access.getStartLineNumber()}`;
    const insert = negated ? 'require.main === module' : 'require.main !== module';
    edits.push({ file: file.getFilePath(), line: target.getStartLineNumber(), change: `${target.getText()} → ${insert} (the same when Node runs or requires the module; right when it is imported or bundled)`, at: target.getStart(), replaces: target.getText(), insert });
  }
  return edits;
}

/** The condition of an if, a ternary or a loop, or an operand of && / || in one. */
function isCondition(node: Node): boolean {
  const parent = node.getParent();
  if (!parent) return false;
  if (Node.isIfStatement(parent) || Node.isWhileStatement(parent)) return parent.getExpression() === node;
  if (Node.isConditionalExpression(parent)) return parent.getCondition() === node;
  if (Node.isParenthesizedExpression(parent)) return isCondition(parent);
  if (Node.isBinaryExpression(parent) && [SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken].includes(parent.getOperatorToken().getKind())) return isCondition(parent);
  return false;
}

/** `listen()` (the statement around it) only when the module is the entry. Undefined when that would change more than the listen. */
export function guardListen(call: Node): EntryEdit | string {
  const file = call.getSourceFile();
  const check = mainCheck(file);
  const line = call.getStartLineNumber();
  const change = `${call.getText().replace(/\(.*$/s, '')}() only when the module is run as the entry (${check})`;
  let node: Node = call;
  for (let parent = node.getParent(); parent; node = parent, parent = node.getParent()) {
    // `connect().then(() => app.listen(port))`: the connection still happens; only the listen is guarded.
    if (Node.isArrowFunction(parent) && parent.getBody() === node) {
      return { file: file.getFilePath(), line, change, at: node.getStart(), replaces: node.getText(), insert: `{\n  if (${check}) return ${node.getText()};\n}` };
    }
    if (Node.isSourceFile(parent) || Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent)) break;
  }
  if (Node.isVariableStatement(node)) {
    const used = node.getDeclarations().filter((d) => Node.isIdentifier(d.getNameNode()) && (d.getNameNode() as Node & { findReferencesAsNodes(): Node[] }).findReferencesAsNodes().some((r) => r.getSourceFile() === file && !r.getFirstAncestor((a) => a === node)));
    if (used.length > 0) return `its server ${used.map((d) => d.getName()).join(', ')} is used after it`;
    return { file: file.getFilePath(), line, change, at: node.getStart(), replaces: node.getText(), insert: `if (${check}) {\n  ${node.getText()}\n}` };
  }
  if (!Node.isExpressionStatement(node) && !Node.isIfStatement(node)) return `it is part of a ${node.getKindName()}`;
  return { file: file.getFilePath(), line, change, at: node.getStart(), insert: `if (${check}) ` };
}

/** An export of `name` at the end of the module, and how the split app then reaches it. */
export function exportApp(file: SourceFile, name: string, value = name): { edit: EntryEdit; named?: string | undefined; access: string } {
  const text = file.getFullText();
  const end = text.length;
  const newline = text.endsWith('\n') || text === '' ? '' : '\n';
  const where = { file: file.getFilePath(), line: file.getEndLineNumber() + 1, at: end };
  if (moduleKind(file).esmSyntax) {
    const insert = value === name ? `${newline}export { ${name} };\n` : `${newline}export const ${name} = ${value};\n`;
    return { edit: { ...where, insert, change: `export ${name}, so the split app can import the app` }, named: name, access: '' };
  }
  const exportsSomething = /\b(?:module\.)?exports\s*(?:=|\.\w+\s*=)/.test(text);
  const insert = exportsSomething ? `${newline}module.exports.${name} = ${value};\n` : `${newline}module.exports = ${value};\n`;
  return { edit: { ...where, insert, change: `export ${name}, so the split app can import the app` }, access: exportsSomething ? `.${name}` : '' };
}

/** Options a factory takes (an object pattern, an object parameter), as a way to add `listen: false` to them. */
export function listenOption(fn: Node & { getParameters(): Node[] }, appName: string, listenStatement: Node): EntryEdit[] | string {
  const file = fn.getSourceFile();
  const params = fn.getParameters();
  const first = params[0] as (Node & { getNameNode(): Node; hasInitializer(): boolean; isOptional?(): boolean }) | undefined;
  const line = listenStatement.getStartLineNumber();
  const change = `a listen: false option, with which the factory returns ${appName} without listening`;
  const early = (condition: string): EntryEdit => ({ file: file.getFilePath(), line, change, at: listenStatement.getStart(), insert: `if (${condition} === false) return ${appName};\n${indentOf(listenStatement)}` });
  if (!first) {
    const open = fn.getFirstChildByKind(SyntaxKind.OpenParenToken);
    if (!open) return 'it has no parameter list to add an option to';
    return [{ file: file.getFilePath(), line: fn.getStartLineNumber(), change, at: open.getEnd(), insert: '{ listen } = {}' }, early('listen')];
  }
  const nameNode = first.getNameNode();
  if (Node.isObjectBindingPattern(nameNode)) {
    const taken = nameNode.getElements().map((e) => e.getName());
    if (taken.includes('listen')) return 'its options already have a listen';
    const elements = nameNode.getElements();
    const last = elements[elements.length - 1];
    const at = last ? last.getEnd() : nameNode.getStart() + 1;
    return [{ file: file.getFilePath(), line: fn.getStartLineNumber(), change, at, insert: last ? ', listen' : ' listen ' }, early('listen')];
  }
  if (Node.isIdentifier(nameNode) && (first.hasInitializer() || first.isOptional?.())) return [early(`${nameNode.getText()}?.listen`)];
  return `its first parameter ${nameNode.getText()} is needed to make the app`;
}

/** The `if (x === false) return app;` a previous split added to a factory, with the option it reads. */
export function listenOptionOf(statements: Node[], appName: string): boolean {
  return statements.some((s) => new RegExp(`^if \\((?:listen|\\w+\\?\\.listen) === false\\) return ${appName};$`).test(s.getText()));
}

/** One line per change for the report (an option added to a factory is two insertions, one change). */
export function editsSummary(edits: EntryEdit[], root: string): { file: string; line: number; change: string }[] {
  const seen = new Set<string>();
  return [...edits].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).flatMap((e) => {
    const key = `${e.file}\0${e.change}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ file: relative(root, e.file), line: e.line, change: e.change }];
  });
}

function indentOf(node: Node): string {
  const text = node.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', node.getStart() - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
