import { existsSync, readFileSync } from 'node:fs';
import type { ConvertedErrorGuard, ConvertedGuard, ConvertedRoute } from './convert.js';
import { defaultOf } from './interop.js';
import { freeName } from './names.js';

/**
 * Express's own rules for converted handlers (`express-helper.mjs`, a real module that is also tested as one).
 * Comments holding `: T`, `?: T`, ` as T` or `<T>` mark the TypeScript-only parts.
 */
const EXPRESS_HELPER = readFileSync([
  new URL('./express-helper.mjs', import.meta.url),
  // Compiled, this module is dist/codemods/split/templates.js; the helper ships as it is, in codemods/split/.
  new URL('../../../codemods/split/express-helper.mjs', import.meta.url),
].find((url) => existsSync(url))!, 'utf8');

// What a guard converted from Express middleware reads: the handler's input, by the same names.
const TYPES_TS = `
/** The options of Express's res.cookie that carve split converts (signed cookies stay in the legacy app). */
interface ExpressCookieOptions {
  maxAge?: number | undefined;
  expires?: Date | undefined;
  path?: string | undefined;
  domain?: string | undefined;
  httpOnly?: boolean | undefined;
  secure?: boolean | undefined;
  sameSite?: boolean | string | undefined;
}

/** What a guard converted from Express middleware reads: the converted handler's input. */
export interface GuardInput {
  params: Record<string, string>;
  query: QueryRecord;
  // The legacy routes parsed no schema: the body is whatever JSON or form the client sent.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body?: any;
  request: CarveRequest;
  locals: Locals;
}

/** Request state the middleware of a route's chain set for what runs after it (\`req.user\` → \`locals.user\`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Locals = Record<string, any>;
`;

export function expressHelper(typescript: boolean): string {
  const js = EXPRESS_HELPER.replace(/\/\*((?:\??: | as )[^*]+|<[^*]+>)\*\//g, typescript ? '$1' : '');
  if (!typescript) return js;
  return js.replace("import { HttpError, reply, serializeCookie, statusText } from 'carve';", "import { HttpError, reply, serializeCookie, statusText, type CarveRequest, type QueryRecord } from 'carve';") + TYPES_TS;
}

export interface HandlerModule {
  comment: string;
  exportName: string;
  method: string;
  group: string;
  route: ConvertedRoute;
  helperPath: string;
  depsPath: string;
  /** The DI token of each shared binding the code (or one of its guards) uses, by the name the code uses. */
  tokens: { local: string; token: string }[];
  /** The route's middleware as guards, in chain order: each runs first and may answer instead. */
  guards: { exportName: string; path: string; guard: ConvertedGuard }[];
  /** The error middleware that answers its errors, in the order Express tries them. */
  errorGuards: { exportName: string; path: string; guard: ConvertedErrorGuard }[];
  typescript: boolean;
}

const INPUT_ORDER = ['params', 'query', 'body', 'request'];
/** What a guard may take besides: the request state the chain's middleware set (`req.user` → `locals.user`). */
const GUARD_INPUTS = [...INPUT_ORDER, 'locals'];

/** `params, body: bodyInput`: each input by its own name, renamed where the code has that name already. */
function renderInputs(names: string[], aliases: Record<string, string>): string {
  return names.map((n) => (aliases[n] === n ? n : `${n}: ${aliases[n]}`)).join(', ');
}

export function handlerModule(m: HandlerModule): string {
  const { route, tokens, guards, errorGuards } = m;
  const chain = [...guards, ...errorGuards];
  const usesLocals = route.inputs.includes('locals') || chain.some((g) => g.guard.inputs.includes('locals'));
  const helpers = [...route.helpers, ...(route.expressErrors ? ['expressErrors'] : [])].sort();
  if (usesLocals && m.typescript) helpers.push('type Locals');
  // Path parameters are strings, as Express gives them: typed and documented, never coerced.
  const pathParams = [...route.carvePath.matchAll(/\{(\w+)\}/g)].map((p) => p[1]!);
  const lines = [`// ${m.comment}`, `import { handler } from 'carve';`];
  // zod/mini: the checks a unit uses and nothing else (the classic API, \`carve/zod\`, costs a unit ~70 KB more).
  if (route.usesBody || pathParams.length > 0) lines.push(`import * as z from 'carve/zod/mini';`);
  if (helpers.length > 0) lines.push(`import { ${helpers.join(', ')} } from '${m.helperPath}';`);
  if (tokens.length > 0) lines.push(`import { ${tokens.map((t) => t.token).sort().join(', ')} } from '${m.depsPath}';`);
  for (const g of chain) lines.push(`import { ${g.exportName} } from '${g.path}';`);
  lines.push(...route.imports, '');
  const spec = [`method: '${m.method}'`, `path: '${route.carvePath}'`, `resource: '${m.group}'`, `auth: 'public'`];
  if (pathParams.length > 0) spec.push(`params: z.object({ ${pathParams.map((p) => `${p}: z.string()`).join(', ')} })`);
  // The legacy route parsed no schema: any JSON or form body reaches the handler as it was sent.
  if (route.usesBody) spec.push('body: z.any()');
  if (tokens.length > 0) spec.push(`inject: { ${tokens.map((t) => `${t.local}: ${t.token}`).join(', ')} }`);
  const used = new Set([...route.inputs, ...chain.flatMap((g) => g.guard.inputs)]);
  const destructure = (names: string[]) => renderInputs(names, route.aliases);
  const inputs = INPUT_ORDER.filter((n) => used.has(n));
  const args = [inputs.length > 0 ? `{ ${destructure(inputs)} }` : tokens.length > 0 ? '_input' : '', ...(tokens.length > 0 ? [`{ ${tokens.map((t) => t.local).join(', ')} }`] : [])];
  let code = route.code.trim();
  const callArgs = (guard: ConvertedGuard | ConvertedErrorGuard) => {
    const deps = guard.deps.map((d) => d.local);
    const input = guard.inputs.length > 0 || deps.length > 0 ? `{ ${destructure(guard.inputs)} }`.replace('{  }', '{}') : '';
    return [input, deps.length > 0 ? `{ ${deps.join(', ')} }` : ''].filter(Boolean);
  };
  if (guards.length > 0 || usesLocals) {
    // Each guard is the Express middleware it came from: it answers (or throws), or returns undefined to go on.
    const early = freeName('early', route.taken);
    const prelude = usesLocals ? [`  const ${route.aliases['locals']}${m.typescript ? ': Locals' : ''} = {};`] : [];
    prelude.push(...guards.flatMap((g, i) => {
      const call = `${g.exportName}(${callArgs(g.guard).join(', ')})`;
      return [`  ${i === 0 ? 'let ' : ''}${early} = await ${call};`, `  if (${early} !== undefined) return ${early};`];
    }));
    code = `{\n${prelude.join('\n')}${code.slice(1)}`;
  }
  const failure = freeName('error', route.taken);
  const handlers = errorGuards.map((g) => `(${failure}) => ${g.exportName}(${[failure, ...callArgs(g.guard)].join(', ')})`);
  const body = route.expressErrors ? `expressErrors(${[`async () => ${code}`, ...handlers].join(', ')})` : code;
  lines.push(`export const ${m.exportName} = handler({ ${spec.join(', ')} }, async (${args.filter(Boolean).join(', ')}) => ${body});`, '');
  return lines.join('\n');
}

export interface GuardModule {
  comment: string;
  exportName: string;
  guard: ConvertedGuard | ConvertedErrorGuard;
  helperPath: string;
  depsPath: string;
  tokens: { local: string; token: string }[];
  typescript: boolean;
}

/** Express middleware as a guard function, shared by every converted handler whose chain has it. */
export function guardModule(m: GuardModule): string {
  const { guard, tokens, typescript } = m;
  const helpers = [...guard.helpers].sort();
  const lines = [`// ${m.comment}`];
  if (typescript && tokens.length > 0) lines.push(`import type { Resolved } from 'carve';`);
  const fromHelper = [...helpers, ...(typescript && guard.inputs.length > 0 ? ['type GuardInput'] : [])];
  if (fromHelper.length > 0) lines.push(`import { ${fromHelper.join(', ')} } from '${m.helperPath}';`);
  if (typescript && tokens.length > 0) lines.push(`import type { ${tokens.map((t) => t.token).sort().join(', ')} } from '${m.depsPath}';`);
  lines.push(...guard.imports, '');
  const inputs = GUARD_INPUTS.filter((n) => guard.inputs.includes(n));
  const inputArg = inputs.length > 0 ? `{ ${renderInputs(inputs, guard.aliases)} }` : tokens.length > 0 ? '_input' : '';
  const depsArg = tokens.length > 0 ? `{ ${tokens.map((t) => t.local).join(', ')} }` : '';
  const typed = (arg: string, type: string) => (arg && typescript ? `${arg}: ${type}` : arg);
  const inputType = inputs.length > 0 ? `Pick<GuardInput, ${inputs.map((n) => `'${n}'`).join(' | ')}>` : 'unknown';
  const error = 'error' in guard ? [typescript ? `${guard.error}: ${guard.errorType ?? 'any'}` : guard.error] : [];
  // Error middleware always takes the error first, whatever else it uses.
  const args = [...error, typed(inputArg, inputType), typed(depsArg, `Resolved<{ ${tokens.map((t) => `${t.local}: typeof ${t.token}`).join('; ')} }>`)].filter(Boolean);
  lines.push(`export async function ${m.exportName}(${args.join(', ')}) ${guard.code.trim()}`, '');
  return lines.join('\n');
}


/** The legacy app's shared values as DI tokens, one per binding, each with the module's own value as its provider. */
export function depsModule(entries: { token: string; spec: string; moduleLocal: string; binding: string; cjs: boolean; compiled?: boolean | undefined }[]): string {
  const imports = new Map<string, string>();
  const tokens: string[] = [];
  for (const e of entries) {
    const whole = e.binding === 'default' || e.cjs;
    const local = e.compiled ? `${e.moduleLocal}Exports` : e.moduleLocal;
    imports.set(whole ? `${e.spec}#default` : `${e.spec}#${e.binding}`, whole
      ? `import ${local} from '${e.spec}'${e.spec.endsWith('.json') ? " with { type: 'json' }" : ''};`
      : `import { ${e.binding === e.moduleLocal ? e.binding : `${e.binding} as ${e.moduleLocal}`} } from '${e.spec}';`);
    const value = e.compiled ? defaultOf(local) : e.cjs && e.binding !== 'default' ? `${e.moduleLocal}.${e.binding}` : e.moduleLocal;
    tokens.push(`export const ${e.token} = token('${e.token}', { value: ${value} });`);
  }
  return [
    '// Generated by carve split: what the converted handlers share with the legacy app, as DI tokens. Each is',
    '// the same instance the legacy app uses; a test or another target replaces one through the app\'s',
    '// providers: createApp({ ..., providers: [provide(Token, { value: fake })] }).',
    `import { token } from 'carve';`,
    ...[...imports.values()].sort(),
    '',
    ...tokens,
    '',
  ].join('\n');
}

/** The names the split app's module binds itself: carried legacy code (a rate limit's constants) may not take them. */
export function appModuleNames(handlerCount: number): Record<string, string> {
  const names: Record<string, string> = { createApp: 'carve', cors: 'carve', rateLimit: 'carve', createRequire: 'node:module' };
  for (const name of ['legacy', 'legacyModule', 'legacyExport', 'legacyExports']) names[name] = 'legacy';
  for (let i = 0; i < handlerCount; i++) names[`h${i}`] = 'handler';
  return names;
}

/**
 * The split app: its handlers, the legacy app as the remainder, and carve middleware mapped from the legacy app's
 * (`cors(…)`, `rateLimit(…)`), in the legacy app's order, with what their options are computed from (`carried`).
 */
export function appModule(name: string, modules: { file: string; exportName: string }[], legacyImport: string | undefined,
  middleware: { carve: string; call: string }[] = [], carried: { imports: string[]; declarations: string[] } = { imports: [], declarations: [] }): string {
  const imports = modules.map((m, i) => `import { ${m.exportName} as h${i} } from '${m.file}';`);
  const options = [`name: ${JSON.stringify(name)}`, `handlers: [${modules.map((_, i) => `h${i}`).join(', ')}]`,
    ...(middleware.length > 0 ? [`middleware: [${middleware.map((m) => m.call).join(', ')}]`] : []), ...(legacyImport ? ['remainder: legacy'] : [])];
  return [
    '// Generated by carve split: the converted routes as a carve app, the legacy app as its remainder',
    '// (carve dev and carve build serve it in any shape; what no handler matches goes to the legacy app).',
    `import { ${['createApp', ...new Set(middleware.map((m) => m.carve))].join(', ')} } from 'carve';`,
    ...carried.imports,
    ...(legacyImport ? [legacyImport] : []),
    ...imports,
    '',
    ...(carried.declarations.length > 0 ? [...carried.declarations, ''] : []),
    `export default createApp({ ${options.join(', ')} });`,
    '',
  ].join('\n');
}

export function serverModule(appFile: string, legacyImport: string): string {
  return [
    '// Generated by carve split: the strangler. Converted routes are answered by carve; every other request',
    '// falls through, body unread, to the legacy app.',
    `import express from 'express';`,
    `import { toExpressRouter } from 'carve/express';`,
    `import app from '${appFile}';`,
    legacyImport,
    '',
    'const server = express();',
    'server.use(toExpressRouter(app));',
    'server.use(legacy);',
    'export default server;',
    '',
    'if (process.env.CARVE_SPLIT_LISTEN !== \'0\') {',
    '  const port = Number(process.env.PORT ?? 3000);',
    '  server.listen(port, \'127.0.0.1\', () => console.log(`listening ${port}`));',
    '}',
    '',
  ].join('\n');
}

/** A route that runs its legacy Express code through the compat layer: a carve handler in front of it. */
export function compatHandlerModule(m: { comment: string; exportName: string; method: string; path: string; group: string; compatName: string; compatPath: string }): string {
  return [
    `// ${m.comment}`,
    `import { handler } from 'carve';`,
    `import { ${m.compatName} } from '${m.compatPath}';`,
    '',
    `export const ${m.exportName} = handler({ method: '${m.method}', path: '${m.path}', resource: '${m.group}', auth: 'public', graphql: false }, ({ request }) => ${m.compatName}(request));`,
    '',
  ].join('\n');
}
