import { Node, SyntaxKind, type CallExpression, type Expression, type SourceFile } from 'ts-morph';
import { foldConstantMounts } from './constant-mounts.js';
import { constantString } from './constant-strings.js';
import { declarationsOf } from './express-bindings.js';
import { argumentsOf, resolveRoutables, type PathArg, type Routable } from './routables.js';
import type { Warn } from './types.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

/**
 * The registrations pass: every `get/post/…/all`, `route().get()`, `use`, `param` call on an app or router, in the
 * order Express runs them (a registration inside `function (app) {…}` where that function is called), put on the
 * routable its receiver resolves to; and each app's settings (`set`, `engine`), which it returns.
 */
export function collectRegistrations(files: SourceFile[], routables: Map<Node, Routable>, warn: Warn): Map<Routable, CallExpression[]> {
  const settingsOf = new Map<Routable, CallExpression[]>();
  // Registrations, in source order, on whatever routable each receiver resolves to.
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const positionOf = (node: Node) => (fileIndex.get(node.getSourceFile()) ?? files.length) * 1e9 + node.getStart();
  // A registration inside `function (app) {…}` happens where that function is called (`require('./routes')(app)`
  // between two app.use calls): its order is the call's, plus its place inside the function.
  const orderOf = (receiver: Node, at: Node, depth = 0): number => {
    const root = Node.isPropertyAccessExpression(receiver) ? receiver.getExpression() : receiver;
    const decl = depth < 4 && Node.isIdentifier(root) ? declarationsOf(root)[0] : undefined;
    const args = decl && Node.isParameterDeclaration(decl) ? argumentsOf(decl) : [];
    if (args.length !== 1) return positionOf(at);
    const fn = decl!.getParent()!;
    return orderOf(args[0]!, args[0]!.getParentOrThrow(), depth + 1) + (0.5 * (at.getStart() - fn.getStart())) / (fn.getWidth() + 1);
  };
  for (const file of files) {
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      // The method name's position orders a chain (x.route(p).get(a).post(b)) as written.
      const order = orderOf(Node.isPropertyAccessExpression(callee) ? (routeChain(callee.getExpression())?.receiver ?? callee.getExpression()) : callee, Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : call);
      if (Node.isElementAccessExpression(callee)) {
        if (resolveRoutables(callee.getExpression(), routables).length > 0) warn('DYNAMIC_ROUTE', call, `computed registration ${callee.getText()}(…): routes are not known statically and stay in the legacy app`);
        continue;
      }
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const name = callee.getName();
      const chain = routeChain(callee.getExpression());
      if (chain && METHODS.has(name)) {
        for (const r of resolveRoutables(chain.receiver, routables)) r.ops.push({ kind: 'route', method: name, path: pathArg(chain.path), handlers: call.getArguments() as Expression[], node: call, order });
        continue;
      }
      const targets = resolveRoutables(callee.getExpression(), routables);
      if (targets.length === 0) continue;
      const args = call.getArguments() as Expression[];
      if (METHODS.has(name) && args.length >= 2) {
        for (const r of targets) r.ops.push({ kind: 'route', method: name, path: pathArg(args[0]!), handlers: args.slice(1), node: call, order });
      } else if (name === 'use' && args.length > 0) {
        const first = args[0]!;
        const hasPath = constantString(first) !== undefined || Node.isRegularExpressionLiteral(first)
          || (Node.isArrayLiteralExpression(first) && first.getElements().every((e) => Node.isStringLiteral(e)));
        // A constant table proves its own key is a mount path, whatever the key is called.
        const folded = hasPath ? undefined : foldConstantMounts(call);
        if (folded) {
          for (const r of targets) folded.forEach((row, i) => r.ops.push({ kind: 'use', path: pathArg(row.path), targets: [row.target], node: call, order: order + i / folded.length }));
          continue;
        }
        const pathLike = !hasPath && (Node.isPropertyAccessExpression(first) || Node.isElementAccessExpression(first)) && /path|url|prefix/i.test(first.getText());
        if (pathLike) warn('DYNAMIC_MOUNT', call, `${callee.getText()}(${first.getText()}, …): the mount path is not a constant; its routes stay in the legacy app`);
        for (const r of targets) r.ops.push({ kind: 'use', path: hasPath ? pathArg(first) : pathLike ? { kind: 'dynamic', text: first.getText() } : undefined, targets: hasPath || pathLike ? args.slice(1) : args, node: call, order });
      } else if ((name === 'set' || name === 'engine') && args.length === 2) {
        // Settings (views, view engine, trust proxy) and template engines: what res.render and req.ip read.
        for (const r of targets) if (r.kind === 'app') settingsOf.set(r, [...(settingsOf.get(r) ?? []), call]);
      } else if (name === 'param' && args.length === 2 && Node.isStringLiteral(args[0]!)) {
        for (const r of targets) r.ops.push({ kind: 'param', name: (args[0] as Node & { getLiteralValue(): string }).getLiteralValue(), fn: args[1]!, node: call, order });
      } else if (name === 'map' || name === 'resource') {
        warn('DYNAMIC_ROUTE', call, `${callee.getText()}(…) registers routes through a custom helper; they stay in the legacy app`);
      }
    }
  }
  for (const r of routables.values()) r.ops.sort((a, b) => a.order - b.order);
  return settingsOf;
}

/** `x.route('/p').get(a)` → the base receiver and the route path. */
function routeChain(expr: Node): { receiver: Node; path: Expression } | undefined {
  let node = expr;
  while (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    if (callee.getName() === 'route') {
      const path = node.getArguments()[0];
      return path ? { receiver: callee.getExpression(), path: path as Expression } : undefined;
    }
    node = callee.getExpression();
  }
  return undefined;
}

function pathArg(expr: Expression): PathArg {
  const constant = constantString(expr);
  if (constant !== undefined) return { kind: 'literal', values: [constant] };
  if (Node.isArrayLiteralExpression(expr) && expr.getElements().every((e) => Node.isStringLiteral(e))) {
    return { kind: 'literal', values: expr.getElements().map((e) => (e as unknown as { getLiteralValue(): string }).getLiteralValue()) };
  }
  if (Node.isRegularExpressionLiteral(expr) || (Node.isNewExpression(expr) && expr.getExpression().getText() === 'RegExp')) return { kind: 'regex', text: expr.getText() };
  return { kind: 'dynamic', text: expr.getText() };
}
