import { relative } from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import { declarationsOf } from './express-bindings.js';
import type { RouteInfo, Warning } from './types.js';

/** Module-level mutable values used by the handlers of two or more groups: they break when split. */
export function sharedState(handlerOf: Map<RouteInfo, Node>, dir: string): Warning[] {
  const groupsOf = new Map<Node, Set<string>>();
  for (const [route, fn] of handlerOf) {
    for (const id of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
      for (const decl of declarationsOf(id)) {
        if (!Node.isVariableDeclaration(decl) || !isModuleLevel(decl) || !isMutable(decl)) continue;
        // Globals such as Error are `declare var` in TypeScript's lib files: not the app's state.
        if (decl.getSourceFile().isDeclarationFile() || decl.getSourceFile().isInNodeModules()) continue;
        groupsOf.set(decl, (groupsOf.get(decl) ?? new Set()).add(route.group));
      }
    }
  }
  return [...groupsOf].filter(([, groups]) => groups.size > 1).map(([decl, groups]) => ({
    code: 'SHARED_STATE',
    file: relative(dir, decl.getSourceFile().getFilePath()),
    line: decl.getStartLineNumber(),
    message: `${(decl as Node & { getName(): string }).getName()} is module state that groups ${[...groups].sort().join(', ')} all use: split apart, each unit would have its own copy`,
  }));
}

function isModuleLevel(decl: Node): boolean {
  return decl.getFirstAncestorByKind(SyntaxKind.VariableStatement)?.getParent() === decl.getSourceFile();
}

function isMutable(decl: Node): boolean {
  if (!Node.isVariableDeclaration(decl)) return false;
  const kind = decl.getVariableStatement()?.getDeclarationKind();
  if (kind === 'let' || kind === 'var') return true;
  const init = decl.getInitializer();
  return !!init && ((Node.isNewExpression(init) && /^(Map|Set|WeakMap|Array)$/.test(init.getExpression().getText()))
    || Node.isArrayLiteralExpression(init) || Node.isObjectLiteralExpression(init));
}
