import { Node, SyntaxKind } from 'ts-morph';

/**
 * The string a path expression always is, when the source proves it: a literal, a template or `+` of
 * constants, a `const`, a class field set once to a literal (`${this.path}/:id`), or a property of a constant
 * object, in this module or another (`config.apiPath`). Anything that could change at run time is undefined.
 */
export function constantString(expr: Node, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (Node.isStringLiteral(expr) || Node.isNoSubstitutionTemplateLiteral(expr)) return expr.getLiteralValue();
  if (Node.isParenthesizedExpression(expr)) return constantString(expr.getExpression(), depth + 1);
  if (Node.isTemplateExpression(expr)) {
    let out = expr.getHead().getLiteralText();
    for (const span of expr.getTemplateSpans()) {
      const value = constantString(span.getExpression(), depth + 1);
      if (value === undefined) return undefined;
      out += value + span.getLiteral().getLiteralText();
    }
    return out;
  }
  if (Node.isBinaryExpression(expr) && expr.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const [left, right] = [constantString(expr.getLeft(), depth + 1), constantString(expr.getRight(), depth + 1)];
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (Node.isIdentifier(expr) || Node.isPropertyAccessExpression(expr)) {
    const symbol = expr.getSymbol();
    const declarations = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])];
    const values = new Set(declarations.map((d) => declaredString(d, depth)));
    return values.size === 1 ? [...values][0] : undefined;
  }
  return undefined;
}

function declaredString(decl: Node, depth: number): string | undefined {
  if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    return decl.getVariableStatement()?.getDeclarationKind() === 'const' && init ? constantString(init, depth + 1) : undefined;
  }
  // `public path = '/users'`: a field that nothing in its class assigns again.
  if (Node.isPropertyDeclaration(decl)) {
    const init = decl.getInitializer();
    const name = decl.getName();
    const reassigned = decl.getParent().getDescendantsOfKind(SyntaxKind.BinaryExpression)
      .some((b) => b.getOperatorToken().getKind() === SyntaxKind.EqualsToken && b.getLeft().getText() === `this.${name}`);
    return init && !reassigned ? constantString(init, depth + 1) : undefined;
  }
  // `{ apiPath: '/api' }` of a constant object (`const config = {…}`, `module.exports = {…}`).
  if (Node.isPropertyAssignment(decl)) {
    const object = decl.getParent();
    const holder = object.getParent();
    const constant = (Node.isVariableDeclaration(holder) && holder.getVariableStatement()?.getDeclarationKind() === 'const')
      || (Node.isBinaryExpression(holder) && /^(module\.)?exports$/.test(holder.getLeft().getText()))
      || Node.isExportAssignment(holder);
    const init = decl.getInitializer();
    return constant && init ? constantString(init, depth + 1) : undefined;
  }
  return undefined;
}
