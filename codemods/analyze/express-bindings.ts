import { Node, SyntaxKind, type CallExpression, type Identifier, type NewExpression } from 'ts-morph';

/** Whether an identifier is bound to the `express` module (default import or require). */
export function isExpressModule(id: Identifier): boolean {
  return declarationsOf(id).some((d) => moduleOf(d) === 'express' && !Node.isImportSpecifier(d) && !Node.isBindingElement(d));
}

/** Whether an identifier is `Router` imported from express (`import { Router }` or `const { Router } = require`). */
export function isExpressRouterExport(id: Identifier): boolean {
  return id.getText() === 'Router' && declarationsOf(id).some((d) => moduleOf(d) === 'express');
}

/**
 * `express()`, `express.Router()`, `new express.Router()`, `Router({ mergeParams: true })`,
 * `require('express')()`, `require('express').Router()`: the kind of routable a call creates, if any.
 */
export function routableKind(call: CallExpression | NewExpression): 'app' | 'router' | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    if (isExpressModule(callee)) return 'app';
    if (isExpressRouterExport(callee)) return 'router';
  }
  if (isExpressRequire(callee)) return 'app';
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'Router') {
    const target = callee.getExpression();
    if ((Node.isIdentifier(target) && isExpressModule(target)) || isExpressRequire(target)) return 'router';
  }
  return undefined;
}

/** `require('express')` written inline. */
function isExpressRequire(node: Node): boolean {
  if (!Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return false;
  const arg = node.getArguments()[0];
  return !!arg && Node.isStringLiteral(arg) && arg.getLiteralValue() === 'express';
}

/**
 * The packages a call's callee is imported or required from, and the member it calls: `cors()` → `{ modules:
 * ['cors'] }`, `expressWinston.logger()` → `{ modules: ['express-winston'], member: 'logger' }`. Known by the
 * binding, never by a name alone; undefined for anything but a call on a name or a name's member (or a `const` holding one).
 */
export function calleePackage(node: Node | undefined): { modules: string[]; member?: string | undefined } | undefined {
  const call = builtBy(node);
  if (!call) return undefined;
  const callee = call.getExpression();
  const root = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
  if (!Node.isIdentifier(root)) return undefined;
  const modules = declarationsOf(root).map(moduleOf).filter((m): m is string => m !== undefined);
  return { modules, member: Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined };
}

/**
 * The call that built a middleware: the node itself (`app.use(rateLimit({ … }))`), or the call a module's `const`
 * holds (`const limiter = rateLimit({ … }); app.use(limiter)`).
 */
export function builtBy(node: Node | undefined): CallExpression | undefined {
  if (!node) return undefined;
  if (Node.isCallExpression(node)) return node;
  if (!Node.isIdentifier(node)) return undefined;
  const declarations = [...new Set(declarationsOf(node))];
  const only = declarations.length === 1 ? declarations[0] : undefined;
  if (!only || !Node.isVariableDeclaration(only) || only.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  const init = only.getInitializer();
  return init && Node.isCallExpression(init) && init.getExpression().getText() !== 'require' ? init : undefined;
}

export function declarationsOf(id: Identifier): Node[] {
  const symbol = id.getSymbol();
  if (!symbol) return [];
  const aliased = symbol.getAliasedSymbol() ?? symbol;
  return [...symbol.getDeclarations(), ...aliased.getDeclarations()];
}

export function moduleOf(declaration: Node): string | undefined {
  const importDecl = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (importDecl) return importDecl.getModuleSpecifierValue();
  const variable = Node.isVariableDeclaration(declaration) ? declaration : declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const init = variable?.getInitializer();
  if (init && Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
    const arg = init.getArguments()[0];
    if (arg && Node.isStringLiteral(arg)) return arg.getLiteralValue();
  }
  return undefined;
}
