import { Node, SyntaxKind, type Expression } from 'ts-morph';

/** A condition a registration runs under: `if (cond)` (or its `else`, `negated`), `cond ? … : …`, `cond && …`. */
export interface Condition {
  node: Expression;
  negated: boolean;
}

/**
 * The conditions between a registration call and the function (or module) that runs it, outermost first:
 * `if (process.env.LOG_LEVEL === 'debug') app.use(logger)` registers the logger only then, and a copy of the
 * registration elsewhere must say so too.
 */
export function conditionsOf(call: Node): Condition[] {
  const found: Condition[] = [];
  let child: Node = call;
  for (let node = call.getParent(); node && !isBoundary(node); child = node, node = node.getParent()) {
    if (Node.isIfStatement(node) && child !== node.getExpression()) found.push({ node: node.getExpression(), negated: child === node.getElseStatement() });
    else if (Node.isConditionalExpression(node) && child !== node.getCondition()) found.push({ node: node.getCondition(), negated: child === node.getWhenFalse() });
    else if (Node.isBinaryExpression(node) && child === node.getRight()) {
      const operator = node.getOperatorToken().getKind();
      if (operator === SyntaxKind.AmpersandAmpersandToken) found.push({ node: node.getLeft(), negated: false });
      else if (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) found.push({ node: node.getLeft(), negated: true });
    }
  }
  return found.reverse();
}

/** `a && b`, in words and as code: what a copy of the registration checks. */
export const conditionText = (conditions: { text: string; negated: boolean }[]) =>
  conditions.map((c) => (c.negated ? `!(${c.text})` : conditions.length > 1 ? `(${c.text})` : c.text)).join(' && ');

const isBoundary = (node: Node) => Node.isSourceFile(node) || Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node)
  || Node.isArrowFunction(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node);
