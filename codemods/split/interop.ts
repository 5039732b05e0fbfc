import type { SourceFile } from 'ts-morph';
import { moduleKind } from './entry-edit.js';

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
