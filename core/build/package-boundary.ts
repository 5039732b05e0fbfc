import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, type CallExpression, type Identifier, type Literal, type MemberExpression, type Node, type Program, type Property } from 'acorn';
import type { Plugin } from 'esbuild';
import { packageOf } from './weigh.js';

const RESOLVING = Symbol('resolving a package boundary');

/** The package a module does nothing but re-export whole (`export * from 'zod/mini';`), if that is all it is. */
function barrelTarget(file: string): string | undefined {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').trim();
  return /^export \* from ['"]([^'"./][^'"]*)['"];?$/.exec(code)?.[1];
}

/**
 * Leaves the given packages external wherever code outside them imports them, by their resolved absolute path:
 * the output's import statements then name exactly what a unit uses of each (what a bundle of it alone must hold).
 */
export function externalizePackages(packages: ReadonlySet<string>): Plugin {
  return {
    name: 'carve-package-boundary',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.path.startsWith('node:')) return undefined;
        const resolveFrom = async (path: string, resolveDir: string, importer: string) => {
          const found = await build.resolve(path, { kind: args.kind, resolveDir, importer, pluginData: RESOLVING });
          return found.errors.length > 0 || found.external || found.namespace !== 'file' ? undefined : found.path;
        };
        let path = await resolveFrom(args.path, args.resolveDir, args.importer);
        // A module that only re-exports a package (carve/zod/mini is `export * from 'zod/mini'`) counts as the package.
        const barrelOf = path && packageOf(path) === undefined ? barrelTarget(path) : undefined;
        if (path && barrelOf) path = await resolveFrom(barrelOf, dirname(path), path);
        const pkg = path && packageOf(path);
        return path && pkg !== undefined && packages.has(pkg) && pkg !== packageOf(args.importer) ? { path, external: true } : undefined;
      });
    },
  };
}

/**
 * The output's imports of each package as re-exports (`import { a as b } from "/x"` → `export { a as b } from "/x"`):
 * an entry that keeps alive exactly what the unit uses of the package. Bindings the rest of the code never uses are
 * dropped (a bundler keeps an external import whose bindings nothing uses any more, where a bundled one goes), and a
 * namespace read only by member (`z.object(…)`, as zod is used) is re-exported as the members read. A package a
 * CommonJS module requires (`__require("/x")`: a CommonJS package's own dependency) is carried whole, as a namespace.
 */
export function boundaryReexports(output: string, packages: ReadonlySet<string>): Record<string, string[]> {
  const program = parse(output, { ecmaVersion: 'latest', sourceType: 'module' });
  const reads = readsOf(program);
  const found: Record<string, string[]> = {};
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || typeof node.source.value !== 'string') continue;
    const pkg = packageOf(node.source.value);
    if (pkg === undefined || !packages.has(pkg)) continue;
    const from = JSON.stringify(node.source.value);
    const named: string[] = [];
    for (const specifier of node.specifiers) {
      const read = reads.get(specifier.local.name);
      if (!read) continue;
      if (specifier.type === 'ImportNamespaceSpecifier') {
        if (read.whole) (found[pkg] ??= []).push(`export * as ${specifier.local.name} from ${from};`);
        else named.push(...[...read.members].sort());
      } else {
        const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(specifier.imported);
        named.push(`${imported} as ${specifier.local.name}`);
      }
    }
    if (named.length > 0) (found[pkg] ??= []).push(`export { ${[...new Set(named)].join(', ')} } from ${from};`);
  }
  for (const [index, path] of [...requiredPaths(program)].entries()) {
    const pkg = packageOf(path);
    if (pkg !== undefined && packages.has(pkg)) (found[pkg] ??= []).push(`export * as required${index} from ${JSON.stringify(path)};`);
  }
  return found;
}

interface Read {
  /** Used as a value itself, not only by member. */
  whole: boolean;
  members: Set<string>;
}

/** Nodes whose `key` is a name, not a read: `{ container: 1 }`, `class { container() {} }`. */
const KEYED = new Set(['Property', 'PropertyDefinition', 'MethodDefinition']);

/** How the code reads each name (outside import declarations): whole, or as `name.member`. */
function readsOf(program: Program): Map<string, Read> {
  const reads = new Map<string, Read>();
  walk(program, (node, parent) => {
    if (node.type === 'ImportDeclaration') return false;
    if (node.type !== 'Identifier') return true;
    const member = parent?.type === 'MemberExpression' ? (parent as MemberExpression) : undefined;
    const key = parent !== undefined && KEYED.has(parent.type) && (parent as Property).key === node && !(parent as Property).computed && !(parent as Property).shorthand;
    if (key || (member && member.property === node && !member.computed)) return false;
    const name = (node as Identifier).name;
    const read = reads.get(name) ?? { whole: false, members: new Set<string>() };
    reads.set(name, read);
    if (member && member.object === node && !member.computed && member.property.type === 'Identifier') read.members.add(member.property.name);
    else read.whole = true;
    return false;
  });
  return reads;
}

/** What the output requires by path: esbuild writes an external `require` in an ES module as `__require("/x")`. */
function requiredPaths(program: Program): Set<string> {
  const paths = new Set<string>();
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const { callee, arguments: args } = node as CallExpression;
    const [first] = args;
    if (callee.type === 'Identifier' && callee.name === '__require' && first?.type === 'Literal' && typeof first.value === 'string') paths.add(first.value);
  });
  return paths;
}

/** Calls `visit` on every node, whatever its key: a walker over the few node types that matter would miss the rest. */
function walk(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (visit(node, parent) === false) return;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) if (isNode(child)) walk(child, visit, node);
    if (isNode(value)) walk(value, visit, node);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function nameOf(node: Identifier | Literal): string {
  return node.type === 'Identifier' ? node.name : JSON.stringify(node.value);
}
