import { Node, SyntaxKind } from 'ts-morph';
import { compiledDefault } from './interop.js';
import { moduleSpecifier, resolveSpecifier } from './paths.js';
import { stay, type SharedBinding, type Stay } from './stay.js';

/**
 * What the moved code needs from outside itself: imports (packages, functions, classes, types) and
 * shared values of the app's own modules (which become DI tokens), or why it cannot move (it uses
 * something defined beside the routes).
 */
export function freeIdentifiers(body: Node, fn: Node, outFile: string): { imports: string[]; deps: SharedBinding[] } | Stay {
  const imports = new Set<string>();
  const deps = new Map<string, SharedBinding>();
  for (const id of body.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (isPropertyName(id)) continue;
    // `{ books }` names the property; the value it reads is the variable's symbol.
    const shorthand = id.getParentIfKind(SyntaxKind.ShorthandPropertyAssignment);
    const decl = (shorthand ? shorthand.getValueSymbol() : id.getSymbol())?.getDeclarations()[0];
    if (!decl) continue;
    const file = decl.getSourceFile();
    if (file.isInNodeModules() || file.isDeclarationFile() || isInside(decl, fn)) continue;
    const name = id.getText();
    const shared = (binding: string, target: string, cjs: boolean, compiled?: boolean) => deps.set(name, { file: target, binding, cjs, local: name, compiled });

    const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    if (importDecl) {
      const source = importDecl.getModuleSpecifierSourceFile();
      const ownModule = source && !source.isInNodeModules() && !source.isDeclarationFile();
      const typeOnly = importDecl.isTypeOnly() || (Node.isImportSpecifier(decl) && decl.isTypeOnly());
      if (ownModule && !typeOnly && !Node.isNamespaceImport(decl) && isValue(id)) {
        const binding = Node.isImportSpecifier(decl) ? decl.getName() : 'default';
        shared(binding, source.getFilePath(), false, binding === 'default' && compiledDefault(source));
      } else {
        imports.add(rewriteImport(importDecl.getText(), file.getFilePath(), outFile));
      }
      continue;
    }
    const variable = Node.isBindingElement(decl) ? decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : Node.isVariableDeclaration(decl) ? decl : undefined;
    const required = variable?.getInitializer();
    if (!variable || !required || !Node.isCallExpression(required) || required.getExpression().getText() !== 'require') {
      return stay('LOCAL_DEPENDENCY', `uses ${name}, defined beside the routes in ${file.getBaseName()}; move it to a module of its own`);
    }
    const spec = (required.getArguments()[0] as Node & { getLiteralValue?(): string }).getLiteralValue?.();
    if (!spec) return stay('LOCAL_DEPENDENCY', `uses ${name}, required dynamically`);
    if (spec.startsWith('.') && isValue(id)) {
      const binding = Node.isBindingElement(decl) ? (decl.getPropertyNameNode()?.getText() ?? decl.getName()) : 'default';
      shared(binding, resolveSpecifier(spec, file.getFilePath()), true);
    } else {
      const bindings = variable.getNameNode().getText();
      imports.add(`import ${bindings.startsWith('{') ? bindings : name} from '${moduleSpecifier(spec, file.getFilePath(), outFile)}';`);
    }
  }
  return { imports: [...imports], deps: [...deps.values()] };
}

/** `x` in `a.x` and `{ x: 1 }`: a name, not a reference to a binding. */
export function isPropertyName(id: Node): boolean {
  const parent = id.getParent();
  return (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === id);
}

/** A value, not code: functions, classes and namespaces stay plain imports. */
function isValue(id: Node): boolean {
  const type = id.getType();
  return type.getCallSignatures().length === 0 && type.getConstructSignatures().length === 0;
}

export function isInside(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd() && node.getSourceFile() === container.getSourceFile();
}

export function rewriteImport(text: string, fromFile: string, outFile: string): string {
  return text.replace(/(['"])(\.[^'"]*)\1/, (_m, q: string, spec: string) => `${q}${moduleSpecifier(spec, fromFile, outFile)}${q}`);
}
