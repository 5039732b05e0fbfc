import { Node, SyntaxKind, type CallExpression, type Expression, type SourceFile } from 'ts-morph';
import { declarationsOf, routableKind } from './express-bindings.js';
import { AnalyzeError } from './types.js';

/**
 * The receivers pass: every Express app and router the project creates (`express()`, `express.Router()`, class
 * fields, `this.app = express()`), and how an expression resolves to them (a variable, a parameter whose callers
 * pass one, a require, a factory, an interface's field).
 */

export type PathArg = { kind: 'literal'; values: string[] } | { kind: 'regex'; text: string } | { kind: 'dynamic'; text: string };
export type Op =
  | { kind: 'route'; method: string; path: PathArg; handlers: Expression[]; node: Node; order: number }
  | { kind: 'use'; path?: PathArg | undefined; targets: Expression[]; node: Node; order: number }
  | { kind: 'param'; name: string; fn: Expression; node: Node; order: number };

export interface Routable {
  kind: 'app' | 'router';
  decl: Node;
  /** Its registrations, in the order Express runs them (the registrations pass fills them). */
  ops: Op[];
  mounted: boolean;
}

export type HandlerFunction = Node & { getParameters(): Node[]; getBody(): Node | undefined };

/** Every app and router declared in the files; none at all is bad input. */
export function findRoutables(files: SourceFile[], dir: string): Map<Node, Routable> {
  const routables = new Map<Node, Routable>();
  for (const file of files) {
    // `const router = express.Router()`, and class fields: `public router = Router()`.
    for (const variable of [...file.getDescendantsOfKind(SyntaxKind.VariableDeclaration), ...file.getDescendantsOfKind(SyntaxKind.PropertyDeclaration)]) {
      // `var app = module.exports = express()`: the value of the assignment.
      let init = variable.getInitializer();
      while (init && Node.isBinaryExpression(init) && init.getOperatorToken().getKind() === SyntaxKind.EqualsToken) init = init.getRight();
      const kind = init && (Node.isCallExpression(init) || Node.isNewExpression(init)) ? routableKind(init) : undefined;
      if (kind) routables.set(variable, { kind, decl: variable, ops: [], mounted: false });
    }
    // `this.app = express()` in a constructor.
    for (const assignment of file.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      const right = assignment.getRight();
      const left = assignment.getLeft();
      if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || !Node.isPropertyAccessExpression(left) || !(Node.isCallExpression(right) || Node.isNewExpression(right))) continue;
      const kind = routableKind(right);
      const field = left.getSymbol()?.getDeclarations().find((d) => Node.isPropertyDeclaration(d));
      if (kind && field && !routables.has(field)) routables.set(field, { kind, decl: field, ops: [], mounted: false });
    }
  }
  if (![...routables.values()].some((r) => r.kind === 'app')) {
    throw new AnalyzeError(`${dir}: no Express app found (no \`express()\` call); nothing to analyze`);
  }
  return routables;
}

/** The routables an expression denotes: a variable, a parameter whose callers pass one, or an alias. */
export function resolveRoutables(expr: Node, routables: Map<Node, Routable>, depth = 0): Routable[] {
  // `this.router.get(…)`: a class field.
  if (depth <= 5 && Node.isPropertyAccessExpression(expr)) {
    return (expr.getSymbol()?.getDeclarations() ?? []).filter((d) => routables.has(d)).map((d) => routables.get(d)!);
  }
  if (depth > 5 || !Node.isIdentifier(expr)) return [];
  const out: Routable[] = [];
  for (const decl of declarationsOf(expr)) {
    const direct = routables.get(decl);
    if (direct) out.push(direct);
    else if (Node.isParameterDeclaration(decl)) {
      // registerRoutes(app): follow every call site's argument
      for (const arg of argumentsOf(decl)) out.push(...resolveRoutables(arg, routables, depth + 1));
    } else if (Node.isVariableDeclaration(decl)) {
      const init = decl.getInitializer();
      if (init) out.push(...mountedRoutables(init as Expression, routables, depth + 1));
    } else if (Node.isExportAssignment(decl)) {
      out.push(...resolveRoutables(decl.getExpression(), routables, depth + 1));
    } else if (Node.isBinaryExpression(decl)) {
      out.push(...resolveRoutables(decl.getRight(), routables, depth + 1));
    } else if (Node.isPropertyAssignment(decl) || Node.isShorthandPropertyAssignment(decl)) {
      const init = Node.isPropertyAssignment(decl) ? decl.getInitializer() : decl.getNameNode();
      if (init) out.push(...resolveRoutables(init, routables, depth + 1));
    }
  }
  return [...new Set(out)];
}

/** What the calls of a parameter's function pass for it: `registerRoutes(app)`, `require('./routes')(app, passport)`. */
export function argumentsOf(param: Node): Node[] {
  const fn = param.getParent() as Node & { getParameters(): Node[] };
  const index = fn.getParameters().indexOf(param);
  const nameNode = Node.isFunctionDeclaration(fn) ? fn.getNameNode() : Node.isVariableDeclaration(fn.getParent()) ? (fn.getParent() as Node & { getNameNode(): Node }).getNameNode() : undefined;
  const calls = nameNode && Node.isIdentifier(nameNode)
    ? referencesOf(nameNode).map((ref) => ref.getParentIfKind(SyntaxKind.CallExpression))
    : isModuleExports(fn.getParent()) ? requireCallsOf(fn.getSourceFile()) : [];
  return calls.map((call) => call?.getArguments()[index]).filter((arg): arg is Node => !!arg);
}

const isModuleExports = (node: Node | undefined) => !!node && Node.isBinaryExpression(node) && node.getLeft().getText() === 'module.exports';

/** The calls of a module's exported function straight off its require: `require('./routes')(app)`. */
const requireCalls = new WeakMap<SourceFile, CallExpression[]>();
function requireCallsOf(file: SourceFile): CallExpression[] {
  let found = requireCalls.get(file);
  if (found) return found;
  found = [];
  for (const other of file.getProject().getSourceFiles()) {
    if (other.isInNodeModules() || !other.getFullText().includes('require(')) continue;
    for (const call of other.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (Node.isCallExpression(callee) && callee.getExpression().getText() === 'require' && requiredFile(callee) === file) found.push(call);
    }
  }
  requireCalls.set(file, found);
  return found;
}

// Finding references asks the language service across the project; a function's callers are asked for once.
const references = new WeakMap<Node, Node[]>();

function referencesOf(name: Node & { findReferencesAsNodes(): Node[] }): Node[] {
  let found = references.get(name);
  if (!found) references.set(name, (found = name.findReferencesAsNodes()));
  return found;
}

/** What a `use()` argument mounts: a router or sub-app, directly, through a factory call, or a require. */
export function mountedRoutables(expr: Expression, routables: Map<Node, Routable>, depth = 0): Routable[] {
  if (depth > 6) return [];
  if (Node.isIdentifier(expr)) return resolveRoutables(expr, routables, depth);
  if (Node.isPropertyAccessExpression(expr)) {
    const symbol = expr.getSymbol();
    const decls = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])];
    return decls.flatMap((d) => (routables.has(d) ? [routables.get(d)!] : Node.isPropertySignature(d) ? implementedRoutables(d, routables) : Node.isPropertyAssignment(d) || Node.isBinaryExpression(d) || Node.isShorthandPropertyAssignment(d) || Node.isVariableDeclaration(d)
      ? resolveRoutables(Node.isBinaryExpression(d) ? d.getRight() : Node.isPropertyAssignment(d) ? d.getInitializerOrThrow() : d.getNameNode(), routables, depth + 1) : []));
  }
  if (Node.isCallExpression(expr)) {
    const callee = expr.getExpression();
    if (callee.getText() === 'require') {
      const file = requiredFile(expr);
      return file ? exportedRoutables(file, routables, depth) : [];
    }
    // A factory: getRouter(), require('./routes/users')({ config }) → whatever it returns.
    const fn = Node.isCallExpression(callee) && callee.getExpression().getText() === 'require' ? exportedFunction(callee) : functionOf(callee as Expression);
    const body = fn?.getBody();
    if (!body) return [];
    const returned = Node.isBlock(body) ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement).map((r) => r.getExpression()).filter((e): e is Expression => !!e) : [body as Expression];
    return returned.flatMap((e) => mountedRoutables(e, routables, depth + 1));
  }
  return [];
}

/**
 * `routes.forEach((route) => app.use('/', route.router))` with `route: Routes`, an interface: the `router`
 * field of every class that implements it (`class UserRoute implements Routes { public router = Router() }`).
 */
function implementedRoutables(member: Node, routables: Map<Node, Routable>): Routable[] {
  const iface = member.getParent();
  if (!iface || !Node.isInterfaceDeclaration(iface)) return [];
  const name = (member as Node & { getName(): string }).getName();
  return iface.getImplementations().flatMap((impl) => {
    const cls = impl.getNode().getFirstAncestorByKind(SyntaxKind.ClassDeclaration) ?? impl.getNode();
    const field = Node.isClassDeclaration(cls) ? cls.getProperty(name) : undefined;
    return field && routables.has(field) ? [routables.get(field)!] : [];
  });
}

function requiredFile(call: CallExpression): SourceFile | undefined {
  const arg = call.getArguments()[0];
  if (!arg || !Node.isStringLiteral(arg)) return undefined;
  const symbol = arg.getSymbol() ?? call.getType().getSymbol();
  const decl = symbol?.getDeclarations()[0];
  return decl?.getSourceFile();
}

/** What a module exports as a whole: `module.exports = x`'s x, `export default x`'s x, or the default-exported declarations. */
function exportedValues(file: SourceFile): Node[] {
  const assigned = file.getDescendantsOfKind(SyntaxKind.BinaryExpression).find((b) => b.getLeft().getText() === 'module.exports');
  if (assigned) return [assigned.getRight()];
  return (file.getDefaultExportSymbol()?.getDeclarations() ?? []).map((d) => (Node.isExportAssignment(d) ? d.getExpression() : d));
}

/** `module.exports = function () {…}` or `export default function`, of a required file. */
function exportedFunction(call: CallExpression): HandlerFunction | undefined {
  const file = requiredFile(call);
  const value = file && exportedValues(file)[0];
  return value && functionOf(value);
}

function exportedRoutables(file: SourceFile, routables: Map<Node, Routable>, depth: number): Routable[] {
  return exportedValues(file).flatMap((v) => (routables.has(v) ? [routables.get(v)!] : resolveRoutables(v, routables, depth + 1)));
}

export function functionOf(expr: Node): HandlerFunction | undefined {
  if (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr) || Node.isFunctionDeclaration(expr) || Node.isMethodDeclaration(expr)) return expr as never;
  if (Node.isIdentifier(expr) || Node.isPropertyAccessExpression(expr)) {
    const symbol = expr.getSymbol();
    const decls = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])];
    for (const d of decls) {
      if (Node.isFunctionDeclaration(d) || Node.isMethodDeclaration(d)) return d as never;
      // CommonJS `exports.list = function …`: the declaration is the `exports.list` on the left.
      const assigned = Node.isPropertyAccessExpression(d) && Node.isBinaryExpression(d.getParent()) ? (d.getParent() as Node & { getRight(): Node }).getRight() : undefined;
      // A class-field arrow function too: `public getUsers = async (req, res, next) => {…}`.
      const init = Node.isVariableDeclaration(d) || Node.isPropertyAssignment(d) || Node.isPropertyDeclaration(d) ? d.getInitializer() : Node.isBinaryExpression(d) ? d.getRight() : assigned;
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) return init as never;
    }
  }
  return undefined;
}

export function label(expr: Node): string {
  if (Node.isFunctionExpression(expr) && expr.getName()) return expr.getName()!;
  if (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr)) return `<inline:${expr.getStartLineNumber()}>`;
  const text = expr.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
