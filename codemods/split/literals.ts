import { Node, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import { declarationsOf } from '../analyze/express-bindings.js';

/** A value written out in the source, not computed (a name, a call, an environment variable). */
export function isLiteral(value: Node): boolean {
  return Node.isLiteralExpression(value) || Node.isTrueLiteral(value) || Node.isFalseLiteral(value) || Node.isArrayLiteralExpression(value)
    || Node.isObjectLiteralExpression(value) || Node.isArrowFunction(value) || Node.isFunctionExpression(value);
}

/** The object literal an argument is, or the one a `const` in scope holds (`const corsOptions = { … }`). */
export function objectLiteral(arg: Node): ObjectLiteralExpression | undefined {
  if (Node.isObjectLiteralExpression(arg)) return arg;
  if (!Node.isIdentifier(arg)) return undefined;
  const declarations = [...new Set(declarationsOf(arg))];
  const variable = declarations.length === 1 ? declarations[0] : undefined;
  if (!variable || !Node.isVariableDeclaration(variable) || !variable.getVariableStatement()?.getDeclarationKind().startsWith('const')) return undefined;
  const init = variable.getInitializer();
  if (!init || !Node.isObjectLiteralExpression(init)) return undefined;
  // Changed after it is declared (`corsOptions.origin = …`), the literal is not what the call is given.
  const onlyPassed = variable.getNameNode().asKind(SyntaxKind.Identifier)?.findReferencesAsNodes()
    .every((ref) => ref.getParent() !== undefined && Node.isCallExpression(ref.getParent()!));
  return onlyPassed ? init : undefined;
}
