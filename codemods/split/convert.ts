import { existsSync, statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { RouteInfo } from '../analyze/types';

export type Conversion =
  | { ok: true; id: string; imports: string[]; usesBody: boolean; code: string; carvePath: string }
  | { ok: false; reason: string };

const BODY_PARSERS = /^(express\.(json|urlencoded|text|raw)\(|bodyParser\.)/;
const REQ_FIELDS: Record<string, string> = { params: 'params', query: 'query', body: 'body', headers: 'request.headers', method: 'request.method', path: 'request.path', ip: 'request.sourceIp' };
const TERMINALS = new Set(['json', 'send', 'sendStatus']);

/**
 * One route as a carve handler's body, or the reason it stays in the legacy app. Only what is plainly
 * safe converts: plain `:param` paths, no middleware but body parsers, req fields the SDK has, and
 * res.json / send / status().json|send / sendStatus as statements of the handler itself.
 */
export function convertRoute(route: RouteInfo, fn: Node, outFile: string): Conversion {
  if (route.blockers.length > 0) return { ok: false, reason: route.blockers.join('; ') };
  const middleware = route.middleware.filter((m) => !BODY_PARSERS.test(m));
  if (middleware.length > 0) return { ok: false, reason: `middleware ${middleware.join(', ')} would have to move with it` };
  if (/[*?(){}]/.test(route.path)) return { ok: false, reason: `path ${route.path} is not plain :param syntax` };
  const params = (fn as Node & { getParameters(): Node[] }).getParameters().map((p) => (p as Node & { getName(): string }).getName());
  const [req, res] = params;
  if (params.length > 2 && route.uses.includes('next')) return { ok: false, reason: 'the handler calls next()' };
  const body = (fn as Node & { getBody(): Node | undefined }).getBody();
  if (!body || !res) return { ok: false, reason: 'the handler never responds' };

  const edits: Edit[] = [];
  const imports = new Set<string>();
  let usesBody = false;
  let responds = false;

  for (const access of body.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
    const base = access.getExpression();
    if (!Node.isIdentifier(base) || base.getText() !== req) continue;
    const name = access.getName();
    const call = access.getParentIfKind(SyntaxKind.CallExpression);
    if (name === 'get' && call?.getExpression() === access) {
      const [arg] = call.getArguments();
      if (!arg) return { ok: false, reason: 'req.get() without a header name' };
      const header = Node.isStringLiteral(arg) ? JSON.stringify(arg.getLiteralValue().toLowerCase()) : `String(${arg.getText()}).toLowerCase()`;
      edits.push({ start: call.getStart(), end: call.getEnd(), text: `request.headers[${header}]` });
      continue;
    }
    const mapped = REQ_FIELDS[name];
    if (!mapped) return { ok: false, reason: `uses req.${name}` };
    if (name === 'body') usesBody = true;
    edits.push({ start: access.getStart(), end: access.getEnd(), text: mapped });
  }

  const responses: Edit[] = [];
  const resRefs = body.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id.getText() === res && id.getParentIfKind(SyntaxKind.PropertyAccessExpression)?.getExpression() === id);
  for (const id of resRefs) {
    const chain = responseChain(id);
    if (!chain) return { ok: false, reason: `uses ${id.getParent()!.getText().slice(0, 40)} in a way carve split does not convert` };
    const holder = chain.outer.getParent();
    const standsAlone = holder && (Node.isExpressionStatement(holder) || Node.isReturnStatement(holder) || holder === fn);
    if (!standsAlone || enclosingFunction(chain.outer) !== fn) return { ok: false, reason: 'responds from inside a callback or an expression' };
    // Arguments keep their own req → SDK rewrites.
    const arg = chain.arg ? applyEdits(chain.arg.getText(), chain.arg.getStart(), edits) : undefined;
    const status = chain.status ? applyEdits(chain.status.getText(), chain.status.getStart(), edits) : undefined;
    const text = chain.terminal === 'json' ? `json(${[arg, status].filter(Boolean).join(', ')})`
      : chain.terminal === 'send' ? `send(${[arg ?? 'undefined', status].filter(Boolean).join(', ')})`
        : `sendStatus(${arg})`;
    imports.add(chain.terminal);
    responds = true;
    responses.push(holder === fn ? { start: chain.outer.getStart(), end: chain.outer.getEnd(), text } : { start: holder!.getStart(), end: holder!.getEnd(), text: `return ${text};` });
  }
  if (!responds) return { ok: false, reason: 'the handler never responds through res' };

  const moved = freeIdentifiers(body, fn, outFile);
  if (typeof moved === 'string') return { ok: false, reason: moved };

  // A rewrite inside a replaced response statement is already part of its text.
  const outside = edits.filter((e) => !responses.some((r) => e.start >= r.start && e.end <= r.end));
  let code = applyEdits(body.getText(), body.getStart(), [...outside, ...responses]);
  if (!Node.isBlock(body)) code = `{\n  return ${code};\n}`;
  return { ok: true, id: '', imports: [...moved, ...[...imports].map((t) => `helper:${t}`)], usesBody, code, carvePath: route.path.replace(/:(\w+)/g, '{$1}') };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `text` (which starts at `offset` in its file) with the edits that fall inside it applied. */
function applyEdits(text: string, offset: number, edits: Edit[]): string {
  let out = text;
  const inside = edits.filter((e) => e.start >= offset && e.end <= offset + text.length).sort((a, b) => b.start - a.start);
  for (const edit of inside) out = out.slice(0, edit.start - offset) + edit.text + out.slice(edit.end - offset);
  return out;
}

function responseChain(id: Node): { outer: Node; terminal: string; arg?: Node; status?: Node } | undefined {
  let node: Node = id.getParent()!;
  let status: Node | undefined;
  for (;;) {
    if (!Node.isPropertyAccessExpression(node)) return undefined;
    const call = node.getParentIfKind(SyntaxKind.CallExpression);
    if (!call) return undefined;
    const name = node.getName();
    const args = call.getArguments();
    if (name === 'status' && args.length === 1) {
      status = args[0];
      node = call.getParent()!;
      continue;
    }
    if (!TERMINALS.has(name) || args.length > 1 || (name === 'sendStatus' && (status || args.length !== 1))) return undefined;
    return { outer: call, terminal: name, arg: args[0], status };
  }
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
}

/** Imports the moved code needs, or why it cannot move (it uses something defined beside the routes). */
function freeIdentifiers(body: Node, fn: Node, outFile: string): string[] | string {
  const imports = new Set<string>();
  for (const id of body.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) continue;
    const decl = id.getSymbol()?.getDeclarations()[0];
    if (!decl) continue;
    const file = decl.getSourceFile();
    if (file.isInNodeModules() || file.isDeclarationFile() || isInside(decl, fn)) continue;
    const name = id.getText();
    const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    const variable = Node.isVariableDeclaration(decl) ? decl : undefined;
    const required = variable?.getInitializer();
    if (importDecl) imports.add(rewriteImport(importDecl.getText(), file.getFilePath(), outFile));
    else if (required && Node.isCallExpression(required) && required.getExpression().getText() === 'require') {
      const spec = (required.getArguments()[0] as Node & { getLiteralValue?(): string }).getLiteralValue?.();
      if (!spec) return `uses ${name}, required dynamically`;
      imports.add(`import ${variable!.getNameNode().getText().startsWith('{') ? `${variable!.getNameNode().getText()} from` : `${name} from`} ${JSON.stringify(rebase(spec, file.getFilePath(), outFile))};`);
    } else return `uses ${name}, defined beside the routes in ${relative(process.cwd(), file.getFilePath())}; move it to a module of its own`;
  }
  return [...imports];
}

function isInside(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd() && node.getSourceFile() === container.getSourceFile();
}

/** A relative specifier seen from the generated file, with the file's real extension (ESM needs it). */
function rebase(spec: string, fromFile: string, outFile: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = `${dirname(fromFile)}/${spec}`;
  const found = ['', '.js', '.cjs', '.mjs', '.ts', '/index.js', '/index.ts'].map((e) => base + e).find((f) => existsSync(f) && !statSync(f).isDirectory()) ?? base;
  const target = outFile.endsWith('.ts') ? found.replace(/\.ts$/, '.js') : found;
  const rel = relative(dirname(outFile), target);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function rewriteImport(text: string, fromFile: string, outFile: string): string {
  return text.replace(/(['"])(\.[^'"]*)\1/, (_m, q: string, spec: string) => `${q}${rebase(spec, fromFile, outFile)}${q}`);
}
