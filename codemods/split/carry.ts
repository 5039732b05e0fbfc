import { basename, dirname, relative } from 'node:path';
import { Node, SyntaxKind, type ImportDeclaration } from 'ts-morph';
import { argumentsOf } from '../analyze/routables.js';
import { isInside, isPropertyName, rewriteImport } from './free-identifiers.js';
import { stay, type Stay } from './stay.js';
import { applyEdits } from './text-edits.js';
import { compiledDefault, defaultOf, requireAsImport } from './interop.js';
import { freeName } from './names.js';
import { moduleSpecifier } from './paths.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Legacy code carried as it is into one generated module: each expression's text, and what it needs from
 * around it: the imports its file had (specifiers rewritten for the new place), `require()`s as imports, and
 * the module-level declarations of its own file it uses (copied, with what they use in turn). What cannot
 * come along (a parameter of the function that registers routes, the legacy app itself, `__dirname`) is a
 * reason to keep the route in the legacy app.
 */
export class CarriedModule {
  readonly imports = new Map<string, string>();
  readonly declarations = new Map<Node, string>();
  /** Each name the module binds, and what it is bound to: two different things under one name cannot both come. */
  readonly #names = new Map<string, string>();
  readonly #pending = new Set<Node>();
  /** The name each inline `require()`d module is imported under. */
  readonly #required = new Map<string, string>();
  /** Warnings about what was carried (module state that each unit now has its own copy of). */
  readonly notes: string[] = [];

  /**
   * Where a module-level `const` built by a call (`const limiter = rateLimit({ … })`) lives when several generated
   * modules use it: the specifier of the one module that builds it and exports it under its name, so that they all
   * share one instance as the legacy code did; undefined to copy it here.
   */
  share: ((name: string, decl: Node) => string | Stay | undefined) | undefined;
  /** Declarations this module exports for others to share (see `share`). */
  readonly exported = new Set<Node>();

  /** Reserved names the generated module's own template imports (`express`): carried code that names them needs no import. */
  readonly #provided: Set<string>;

  constructor(readonly outFile: string, readonly refuse: (decl: Node) => string | undefined, reserved: Record<string, string> = {}, provided: string[] = []) {
    for (const [name, origin] of Object.entries(reserved)) this.#names.set(name, origin);
    this.#provided = new Set(provided);
  }

  /** Whether the template already binds `name` to `origin`. */
  #isProvided(name: string, origin: string): boolean {
    return this.#provided.has(name) && this.#names.get(name) === origin;
  }

  /** Takes `name` for something the caller declares in this module (an export of its own); false when it is taken. */
  claim(name: string): boolean {
    if (this.#names.has(name)) return false;
    this.#names.set(name, `claimed:${name}`);
    return true;
  }

  /** Carries the declaration of `name` and exports it, for modules that share it; undefined when it is, or why not. */
  exportDeclaration(name: string, decl: Node): Stay | undefined {
    const problem = this.#need(name, decl);
    const statement = topLevelStatement(decl);
    if (!problem && statement) this.exported.add(statement);
    return problem;
  }

  /** Binds `name` to a named import the caller writes (a value another generated module shares), or says why not. */
  importNamed(name: string, from: string): Stay | undefined {
    const problem = this.#bind(name, `import:${from}:${name}`);
    if (!problem) this.imports.set(`import:${from}:${name}`, `import { ${name} } from '${from}';`);
    return problem;
  }

  /** CommonJS code's `require('x')`, as the ES import that gives the same value (interop.ts). */
  #requireLine(name: string, target: string): string {
    return requireAsImport(name, target, this.outFile, () => {
      const namespaceName = freeName(`${name}Namespace`, new Set(this.#names.keys()));
      this.#bind(namespaceName, `namespace-of:${target}`);
      return namespaceName;
    }, () => this.#requireValue());
  }

  /** The local name of carve/compat/express's `requireValue`, imported once. */
  #requireValue(): string {
    const origin = 'import:carve/compat/express:requireValue';
    const bound = [...this.#names].find(([, o]) => o === origin)?.[0];
    if (bound) return bound;
    const local = freeName('requireValue', new Set(this.#names.keys()));
    this.#bind(local, origin);
    this.imports.set(origin, `import { requireValue${local === 'requireValue' ? '' : ` as ${local}`} } from 'carve/compat/express';`);
    return local;
  }

  readonly #dirnames = new Map<string, string>();
  /** A module-level const holding a legacy source folder's path, computed from the generated module's own URL. */
  #legacyDirname(file: Node & { getFilePath(): string }): string {
    const dir = dirname(file.getFilePath());
    let name = this.#dirnames.get(dir);
    if (name) return name;
    name = freeName('legacyDirname', new Set(this.#names.keys()));
    this.#bind(name, `dirname:${dir}`);
    this.#dirnames.set(dir, name);
    const rel = relative(dirname(this.outFile), dir);
    this.imports.set('import:node:url:fileURLToPath', `import { fileURLToPath } from 'node:url';`);
    this.declarations.set(file.getSourceFile(), `const ${name} = fileURLToPath(new URL('${rel ? `${rel}/` : './'}', import.meta.url)).replace(/\\/$/, '');`);
    return name;
  }

  /** The expression's text for the generated module, or why it cannot come along. */
  carry(expr: Node): string | Stay {
    const edits: Edit[] = [];
    const problem = this.#collect(expr, edits);
    return problem ?? applyEdits(expr.getText(), expr.getStart(), edits);
  }

  #bind(name: string, origin: string): Stay | undefined {
    const known = this.#names.get(name);
    if (known !== undefined && known !== origin) return stay('LOCAL_DEPENDENCY', `two different things are called ${name} in the code it needs`);
    this.#names.set(name, origin);
    return undefined;
  }

  #collect(expr: Node, edits: Edit[]): Stay | undefined {
    const file = expr.getSourceFile();
    const ids = Node.isIdentifier(expr) ? [expr] : expr.getDescendantsOfKind(SyntaxKind.Identifier);
    for (const call of expr.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() !== 'require') continue;
      const spec = call.getArguments()[0];
      if (!spec || !Node.isStringLiteral(spec)) return stay('LOCAL_DEPENDENCY', 'requires a module whose name is computed');
      const target = moduleSpecifier(spec.getLiteralValue(), file.getFilePath(), this.outFile);
      const local = this.#required.get(target) ?? freeName(`${camel(basename(spec.getLiteralValue()).replace(/\.[cm]?[jt]s$/, ''))}Module`, new Set(this.#names.keys()));
      this.#required.set(target, local);
      this.#bind(local, `module:${target}`);
      this.imports.set(`module:${target}:${local}`, this.#requireLine(local, target));
      edits.push({ start: call.getStart(), end: call.getEnd(), text: local });
    }
    for (const id of ids) {
      if (isPropertyName(id) || id.getText() === 'require' || edits.some((e) => id.getStart() >= e.start && id.getEnd() <= e.end)) continue;
      const name = id.getText();
      if ((name === '__dirname' || name === '__filename') && !id.getSymbol()?.getDeclarations().some((d) => !d.getSourceFile().isDeclarationFile())) {
        // The folder the code was written in, as the legacy app sees it (views, public files), from where it now runs.
        const dir = this.#legacyDirname(file);
        edits.push({ start: id.getStart(), end: id.getEnd(), text: name === '__dirname' ? dir : `(${dir} + ${JSON.stringify(`/${basename(file.getFilePath())}`)})` });
        continue;
      }
      // CommonJS's own `module` (module.parent, module.exports): the generated ES module has none, and in a
      // JavaScript file its "declarations" are the file's `module.exports = …` assignments, never to be copied.
      if ((name === 'module' || name === 'exports') && !id.getSymbol()?.getDeclarations().some((d) => Node.isVariableDeclaration(d) || Node.isParameterDeclaration(d) || Node.isImportSpecifier(d) || Node.isImportClause(d))) {
        return stay('LOCAL_DEPENDENCY', `uses CommonJS's ${name} (${id.getParent()?.getText().slice(0, 30)}), which an ES module does not have`);
      }
      const shorthand = id.getParentIfKind(SyntaxKind.ShorthandPropertyAssignment);
      const decl = (shorthand ? shorthand.getValueSymbol() : id.getSymbol())?.getDeclarations()[0];
      if (!decl || isInside(decl, expr)) continue;
      const declFile = decl.getSourceFile();
      if (declFile.isInNodeModules() || declFile.isDeclarationFile()) continue;
      const refused = this.refuse(decl);
      if (refused) return stay('LOCAL_DEPENDENCY', refused);
      const problem = this.#need(name, decl);
      if (problem) return problem;
    }
    return undefined;
  }

  /** Brings what `name` is bound to into the module: its import, or its declaration. */
  #need(name: string, decl: Node): Stay | undefined {
    const file = decl.getSourceFile();
    const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    if (importDecl) {
      const target = moduleSpecifier(importDecl.getModuleSpecifierValue(), file.getFilePath(), this.outFile);
      const bindings = importBindings(importDecl, target);
      for (const [bound, origin] of bindings) {
        const problem = this.#bind(bound, origin);
        if (problem) return problem;
      }
      if (bindings.every(([bound, origin]) => this.#isProvided(bound, origin))) return undefined;
      let text = rewriteImport(importDecl.getText(), file.getFilePath(), this.outFile);
      const defaultImport = importDecl.getDefaultImport();
      if (defaultImport && compiledDefault(importDecl.getModuleSpecifierSourceFile())) {
        const whole = freeName(`${defaultImport.getText()}Exports`, new Set(this.#names.keys()));
        this.#bind(whole, `exports:${target}`);
        text = `${text.replace(new RegExp(`^import\\s+${defaultImport.getText()}\\b`), `import ${whole}`)}\nconst ${defaultImport.getText()} = ${defaultOf(whole)};`;
      }
      this.imports.set(text, text);
      return undefined;
    }
    // `module.exports = function (app, passport)` called with the entry's own `passport`: that one.
    if (Node.isParameterDeclaration(decl)) {
      const passed = [...new Set(argumentsOf(decl).map((arg) => (Node.isIdentifier(arg) && arg.getText() === name ? arg.getSymbol()?.getDeclarations()[0] : undefined)))];
      if (passed.length === 1 && passed[0]) return this.#need(name, passed[0]);
    }
    const statement = topLevelStatement(decl);
    if (!statement) return stay('LOCAL_DEPENDENCY', `uses ${name}, which the code that registers the routes defines or receives (${decl.getKindName()} in ${file.getBaseName()}:${decl.getStartLineNumber()})`);
    // `const x = require('y')`: an import. `const { a } = require('./m')`: the module, then its parts.
    if (Node.isVariableStatement(statement)) {
      const only = statement.getDeclarations().length === 1 ? statement.getDeclarations()[0] : undefined;
      const init = only?.getInitializer();
      const arg = init && Node.isCallExpression(init) && init.getExpression().getText() === 'require' ? init.getArguments()[0] : undefined;
      if (only && arg && Node.isStringLiteral(arg) && Node.isIdentifier(only.getNameNode())) {
        const target = moduleSpecifier(arg.getLiteralValue(), file.getFilePath(), this.outFile);
        const problem = this.#bind(name, `module:${target}`);
        if (problem) return problem;
        if (!this.#isProvided(name, `module:${target}`)) this.imports.set(`module:${target}:${name}`, this.#requireLine(name, target));
        return undefined;
      }
    }
    if (this.declarations.has(statement) || this.#pending.has(statement)) return this.#bind(name, `decl:${file.getFilePath()}:${statement.getStart()}`);
    if (this.share && builtOnce(statement)) {
      const from = this.share(name, decl);
      if (from !== undefined) return typeof from === 'string' ? this.importNamed(name, from) : from;
    }
    const bindProblem = this.#bind(name, `decl:${file.getFilePath()}:${statement.getStart()}`);
    if (bindProblem) return bindProblem;
    if (Node.isVariableStatement(statement)) {
      const kind = statement.getDeclarationKind();
      if (kind !== 'const') this.notes.push(`${name} (${file.getBaseName()}:${statement.getStartLineNumber()}) is module state: each unit that carries it has its own copy`);
    }
    this.#pending.add(statement);
    const edits: Edit[] = [];
    const problem = this.#collect(statement, edits);
    this.#pending.delete(statement);
    if (problem) return problem;
    // What a declaration uses is declared first (the map keeps insertion order).
    this.declarations.set(statement, applyEdits(statement.getText(), statement.getStart(), edits).replace(/^export\s+(default\s+)?/, ''));
    return undefined;
  }
}

/** `const limiter = rateLimit({ … })`: one declaration holding what a call built, an instance that may keep state. */
function builtOnce(statement: Node): boolean {
  if (!Node.isVariableStatement(statement) || statement.getDeclarationKind() !== 'const') return false;
  const [only, ...more] = statement.getDeclarations();
  const init = only?.getInitializer();
  return more.length === 0 && !!init && Node.isIdentifier(only!.getNameNode()) && (Node.isCallExpression(init) || Node.isNewExpression(init));
}

/** The names an import declaration binds, each with what it is bound to (a default import is the module, as a require is). */
function importBindings(importDecl: ImportDeclaration, target: string): [string, string][] {
  const out: [string, string][] = [];
  const whole = importDecl.getDefaultImport()?.getText();
  if (whole) out.push([whole, `module:${target}`]);
  const namespace = importDecl.getNamespaceImport()?.getText();
  if (namespace) out.push([namespace, `namespace:${target}`]);
  for (const n of importDecl.getNamedImports()) out.push([n.getAliasNode()?.getText() ?? n.getName(), `import:${target}:${n.getName()}`]);
  return out;
}

/** The module-level statement that declares `decl` (a variable, function or class), if it is one. */
function topLevelStatement(decl: Node): Node | undefined {
  const statement = Node.isFunctionDeclaration(decl) || Node.isClassDeclaration(decl) || Node.isEnumDeclaration(decl)
    ? decl
    : decl.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  if (!statement) return undefined;
  if (statement.getParent() === decl.getSourceFile()) return statement;
  // A `const` at the top of the function that registers the routes (`const pauth = passport.authenticate.bind(passport)`)
  // comes along as a module-level one: what it is computed from must come along too.
  const body = statement.getParent();
  const fn = body?.getParent();
  const registering = !!body && Node.isBlock(body) && !!fn && (Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn)) && isTopLevel(fn);
  return registering && Node.isVariableStatement(statement) && statement.getDeclarationKind() === 'const' ? statement : undefined;
}

/** A function no other function encloses: declared at module level, or the value of `module.exports = function …`. */
const isTopLevel = (fn: Node) => !fn.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isMethodDeclaration(a));

const camel = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'legacy';
