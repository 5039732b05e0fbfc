import { Node, SyntaxKind } from 'ts-morph';
import { stay, type Role, type Stay } from './stay.js';
import { applyEdits, type Edit } from './text-edits.js';

const TERMINALS = new Set(['json', 'send', 'sendStatus']);

/** What the generated Express res stand-in (`expressResponse`) has, and which of it answers. */
const EXPRESS_RES_METHODS = new Set(['status', 'set', 'header', 'append', 'get', 'location', 'cookie', 'clearCookie', 'json', 'send', 'sendStatus', 'redirect']);

const ANSWERS = new Set(['json', 'send', 'sendStatus', 'redirect']);

/** Each `res.…` response and `next(err)` as a statement returning a result or throwing, or why not. */
export function rewriteResponses(body: Node, fn: Node, res: string, next: string | undefined, edits: Edit[], role: Role, localsOwners: Set<Node>): { edits: Edit[]; helpers: Set<string>; nextErrors: boolean; throwsAlone: boolean; endsInNext: boolean; expressRes: boolean } | Stay {
  const rewritten: Edit[] = [];
  const helpers = new Set<string>();
  let nextErrors = false;
  let throwsAlone = false;
  let endsInNext = false;
  const standsAlone = (expression: Node) => {
    const holder = expression.getParent();
    const alone = holder !== undefined && (Node.isExpressionStatement(holder) || Node.isReturnStatement(holder) || holder === fn);
    return alone && enclosingFunction(expression) === fn ? holder : undefined;
  };
  const identifiers = body.getDescendantsOfKind(SyntaxKind.Identifier);
  if (Node.isIdentifier(body)) identifiers.unshift(body);
  // Anything past status().json|send and sendStatus (set, cookie, redirect, a status of its own) runs on a
  // stand-in for Express's res, the calls kept as written.
  const resChains = new Map(identifiers
    .filter((id) => id.getText() === res && id.getParentIfKind(SyntaxKind.PropertyAccessExpression)?.getExpression() === id)
    .filter((id) => !localsOwners.has(id))
    .map((id) => {
      const calls = methodChain(id);
      return [id, { calls, plain: calls && plainAnswer(calls) }] as const;
    }));
  const expressRes = [...resChains.values()].some(({ plain }) => !plain);
  if (expressRes) {
    for (const [id, { calls }] of resChains) {
      const unknown = calls ? calls.names.find((name) => !EXPRESS_RES_METHODS.has(name)) : id.getParent()!.getText();
      if (unknown !== undefined) return stay('RESPONSE_FLOW', `uses res.${unknown.replace(/^\w+\./, '')} in a way carve split does not convert`);
      if (enclosingFunction(calls!.outer) !== fn) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
      if (role === 'guard' && !ANSWERS.has(calls!.names.at(-1)!)) return stay('RESPONSE_FLOW', 'writes to the response without answering, which carve split does not carry into the handler');
      if (calls!.names.includes('cookie') && /\bsigned\s*:/.test(calls!.outer.getText())) return stay('RESPONSE_FLOW', 'sets a signed cookie, which needs cookie-parser\'s secret');
    }
    helpers.add('expressResponse');
  }
  for (const id of identifiers) {
    if (id.getText() === next && next !== undefined) {
      const call = id.getParentIfKind(SyntaxKind.CallExpression);
      if (role === 'errors' && call?.getExpression() === id && call.getArguments().length === 0) return stay('ERROR_MIDDLEWARE', 'calls next() without the error, which Express takes as handled');
      if (role === 'guard' && call?.getExpression() === id && call.getArguments().length === 0) {
        // next() goes on to the handler: a guard returns undefined there, if nothing runs after it.
        const holder = standsAlone(call);
        if (!holder || (holder !== fn && !Node.isReturnStatement(holder) && !inTailPosition(holder, body))) return stay('MIDDLEWARE', 'runs code after next(), which carve split does not reorder');
        endsInNext ||= holder !== fn && holder.getParent() === body;
        rewritten.push(holder === fn ? { start: call.getStart(), end: call.getEnd(), text: 'undefined' } : { start: holder.getStart(), end: holder.getEnd(), text: 'return undefined;' });
        continue;
      }
      const [arg, ...rest] = call?.getExpression() === id ? call.getArguments() : [];
      const holder = call && arg && rest.length === 0 ? standsAlone(call) : undefined;
      if (!call || !arg || !holder) return stay('PASSES_REQUEST', 'passes next on in a way carve split does not convert');
      nextErrors = true;
      throwsAlone ||= holder === fn;
      const thrown = `throw ${applyEdits(arg.getText(), arg.getStart(), edits)};`;
      // `(req, res, next) => next(err)`: the arrow's whole body becomes a block that throws.
      rewritten.push({ start: holder === fn ? call.getStart() : holder.getStart(), end: holder === fn ? call.getEnd() : holder.getEnd(), text: holder === fn ? `{\n  ${thrown}\n}` : thrown });
      continue;
    }
    const resChain = resChains.get(id);
    if (!resChain) continue;
    if (expressRes) {
      const calls = resChain.calls!;
      const answers = ANSWERS.has(calls.names.at(-1)!);
      if (!answers) continue; // status, set, cookie…: kept as written, on the Express res stand-in
      const holder = standsAlone(calls.outer);
      if (!holder) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
      const text = applyEdits(calls.outer.getText(), calls.outer.getStart(), edits);
      rewritten.push(holder === fn ? { start: calls.outer.getStart(), end: calls.outer.getEnd(), text } : { start: holder.getStart(), end: holder.getEnd(), text: `return ${text};` });
      continue;
    }
    const chain = resChain.plain;
    if (!chain) return stay('RESPONSE_FLOW', `uses ${id.getParent()!.getText().slice(0, 40)} in a way carve split does not convert`);
    const holder = standsAlone(chain.outer);
    if (!holder) return stay('RESPONSE_FLOW', 'responds from inside a callback or an expression');
    // Arguments keep their own req → SDK rewrites.
    const arg = chain.arg ? applyEdits(chain.arg.getText(), chain.arg.getStart(), edits) : undefined;
    const status = chain.status ? applyEdits(chain.status.getText(), chain.status.getStart(), edits) : undefined;
    const text = chain.terminal === 'json' ? `json(${[arg, status].filter(Boolean).join(', ')})`
      : chain.terminal === 'send' ? `send(${[arg ?? 'undefined', status].filter(Boolean).join(', ')})`
        : `sendStatus(${arg})`;
    helpers.add(chain.terminal);
    rewritten.push(holder === fn ? { start: chain.outer.getStart(), end: chain.outer.getEnd(), text } : { start: holder.getStart(), end: holder.getEnd(), text: `return ${text};` });
  }
  return { edits: rewritten, helpers, nextErrors, throwsAlone, endsInNext, expressRes };
}

/** Nothing runs after `statement` in `body`: it is the last statement of each block up to it (if branches allowed). */
function inTailPosition(statement: Node, body: Node): boolean {
  let node = statement;
  while (node !== body) {
    const parent = node.getParent();
    if (!parent) return false;
    if (Node.isBlock(parent)) {
      if (parent.getStatements().at(-1) !== node) return false;
    } else if (!Node.isIfStatement(parent)) {
      return false;
    }
    node = parent;
  }
  return true;
}

/** `res.status(201).json(x)`, `res.send(x)`, `res.sendStatus(204)`: a chain that becomes a plain result, or undefined. */
function plainAnswer(chain: MethodChain): { outer: Node; terminal: string; arg?: Node | undefined; status?: Node | undefined } | undefined {
  const last = chain.calls.at(-1)!;
  const statuses = chain.calls.slice(0, -1);
  if (statuses.some((c) => c.name !== 'status' || c.args.length !== 1)) return undefined;
  const status = statuses.at(-1)?.args[0];
  if (!TERMINALS.has(last.name) || last.args.length > 1 || (last.name === 'sendStatus' && (status || last.args.length !== 1))) return undefined;
  return { outer: chain.outer, terminal: last.name, arg: last.args[0], status };
}

interface MethodChain {
  calls: { name: string; args: Node[] }[];
  /** The method names, in order. */
  names: string[];
  outer: Node;
}

/** `res.status(201).set('a', 'b').json(x)`: the methods called, in order, and the outermost call. */
function methodChain(id: Node): MethodChain | undefined {
  const calls: MethodChain['calls'] = [];
  let node: Node | undefined = id.getParent();
  while (node && Node.isPropertyAccessExpression(node)) {
    const call = node.getParentIfKind(SyntaxKind.CallExpression);
    if (!call || call.getExpression() !== node) return undefined; // a property read: res.locals, res.headersSent
    calls.push({ name: node.getName(), args: call.getArguments() });
    const outer = call.getParent();
    if (!outer || !Node.isPropertyAccessExpression(outer) || outer.getExpression() !== call) return { calls, names: calls.map((c) => c.name), outer: call };
    node = outer;
  }
  return undefined;
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
}
