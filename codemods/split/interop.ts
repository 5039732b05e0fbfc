import { isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { SourceFile } from 'ts-morph';
import { moduleKind } from './entry-edit.js';
import { packageType } from './paths.js';

/**
 * Whether a legacy module written with `export default` may run compiled to CommonJS (Babel, tsc, in a package
 * that is not an ES one): an ES import's default is then the whole exports object, and the export its `default`.
 */
export function compiledDefault(file: SourceFile | undefined): boolean {
  if (!file || file.isInNodeModules() || file.isDeclarationFile()) return false;
  const { esmSyntax, declaredEsm } = moduleKind(file);
  return esmSyntax && !declaredEsm;
}

/** The value of such a module's default export, from what an ES import of it gave (`exportsName`). */
export const defaultOf = (exportsName: string) => `${exportsName}?.__esModule ? ${exportsName}.default : ${exportsName}`;

/**
 * CommonJS code's `require('x')` as ES imports that give the same value, so that a bundler (carve build) bundles
 * what it names (it never follows a `createRequire`): JSON is imported as JSON; a legacy ES module's require(esm)
 * is its namespace; a package's is its CommonJS `module.exports`, which carve/compat/express's `requireValue` makes
 * of the ES namespace, whatever build of the package the import resolves to (CommonJS, ES, dual).
 */
export function requireAsImport(name: string, target: string, outFile: string, namespaceName: () => string, requireValue: () => string): string {
  if (target.endsWith('.json')) return `import ${name} from '${target}' with { type: 'json' };`;
  if (target.startsWith('.')) {
    const file = resolve(dirname(outFile), target);
    const esm = file.endsWith('.mjs') || (file.endsWith('.js') && packageType(dirname(file)) === 'module');
    return esm ? `import * as ${name} from '${target}';` : `import ${name} from '${target}';`;
  }
  // Node's own modules have their exports as the default; TypeScript code imports packages itself, and what it
  // requires is typed through the default (esModuleInterop).
  if (isBuiltin(target) || outFile.endsWith('.ts')) return `import ${name} from '${target}';`;
  const namespace = namespaceName();
  return `import * as ${namespace} from '${target}';\nconst ${name} = ${requireValue()}(${namespace});`;
}
