import { Node, type CallExpression, type Expression } from 'ts-morph';

export interface FoldedMount {
  path: Expression;
  target: Expression;
}

/**
 * Folds a data-driven mount whose table is a constant in the source:
 *
 *   const routes = [{ path: '/auth', route: authRouter }, …];
 *   routes.forEach((r) => router.use(r.path, r.route));
 *
 * into one mount per row. Anything less certain (a table built at run time, a row without a literal
 * path, a spread) returns undefined, and the caller keeps the routes in the legacy app.
 */
export function foldConstantMounts(use: CallExpression): FoldedMount[] | undefined {
  const [pathArg, targetArg] = use.getArguments();
  if (!pathArg || !targetArg || !Node.isPropertyAccessExpression(pathArg) || !Node.isPropertyAccessExpression(targetArg)) return undefined;
  const row = pathArg.getExpression().getText();
  if (targetArg.getExpression().getText() !== row) return undefined;

  const callback = use.getFirstAncestor((n) => Node.isArrowFunction(n) || Node.isFunctionExpression(n));
  if (!callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return undefined;
  if (callback.getParameters()[0]?.getName() !== row) return undefined;
  const forEach = callback.getParent();
  if (!Node.isCallExpression(forEach) || forEach.getArguments()[0] !== callback) return undefined;
  const callee = forEach.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'forEach') return undefined;

  const table = constantArray(callee.getExpression());
  if (!table) return undefined;
  const folded: FoldedMount[] = [];
  for (const element of table) {
    if (!Node.isObjectLiteralExpression(element)) return undefined;
    const path = element.getProperty(pathArg.getName());
    const target = element.getProperty(targetArg.getName());
    if (!Node.isPropertyAssignment(path) || !Node.isPropertyAssignment(target)) return undefined;
    const pathValue = path.getInitializer();
    const targetValue = target.getInitializer();
    if (!pathValue || !targetValue || !(Node.isStringLiteral(pathValue) || Node.isNoSubstitutionTemplateLiteral(pathValue))) return undefined;
    folded.push({ path: pathValue, target: targetValue });
  }
  return folded;
}

/** The elements of an array literal, written inline or held by a `const` that nothing reassigns. */
function constantArray(expr: Node): Node[] | undefined {
  if (Node.isArrayLiteralExpression(expr)) return expr.getElements();
  if (!Node.isIdentifier(expr)) return undefined;
  const declaration = expr.getSymbol()?.getDeclarations()[0];
  if (!Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  const init = declaration.getInitializer();
  return init && Node.isArrayLiteralExpression(init) ? init.getElements() : undefined;
}
