import type { z } from 'zod';
import type { Authenticator, AuthPolicy } from './auth/authenticator';
import type { Principal } from './auth/principal';
import { assertWithinLimit, DEFAULT_ACCEPTS, DEFAULT_BODY_LIMIT, parseBody } from './body';
import { Injector, type DependencyProblem } from './container';
import { Forbidden, MethodNotAllowed, NotFound, Unauthorized, ValidationError, type ValidationIssue } from './errors';
import type { Handler } from './handler';
import { createLogger, type Logger, type LoggerOptions } from './log';
import { compose, type Middleware } from './middleware';
import { buildOpenApi, type OpenApiDocument, type OpenApiInfo } from './openapi';
import { CarveRequest, nonEmpty, type CarveResponse, type IncomingRequest } from './request';
import { problemResponse, toResponse } from './respond';
import { Router } from './router';
import type { Deps, Registration } from './token';

export interface AppOptions {
  /** Names the app in logs, the OpenAPI document and build output. */
  name?: string;
  handlers: readonly Handler[];
  /** Authenticators tried in order; the first that recognises a credential decides. */
  auth?: Authenticator | readonly Authenticator[];
  /** Registrations that replace tokens' default providers. */
  providers?: readonly Registration[];
  /** Outermost first; see `cors()`. */
  middleware?: readonly Middleware[];
  /** The largest body accepted, in bytes. Default 6 MB (the Lambda payload limit). */
  bodyLimit?: number;
  logger?: LoggerOptions;
  /** Puts error causes into 500 responses. Default: `NODE_ENV === 'development'`. */
  devMode?: boolean;
  openapi?: OpenApiInfo;
}

export interface HandleOptions {
  /** Resolve `undefined` instead of answering 404/405, so a host framework can try its own routes. */
  fallthrough?: boolean;
}

export interface InjectRequest {
  method: string;
  /** Path and query as a client sends them: `/courses?limit=2`. */
  url: string;
  headers?: Record<string, string | string[]>;
  /** A string or bytes are sent as they are; any other value is sent as JSON. */
  body?: unknown;
  sourceIp?: string;
}

export interface InjectResponse {
  status: number;
  headers: Record<string, string>;
  /** `Set-Cookie` values, in order. */
  cookies: string[];
  /** Parsed JSON for JSON media types, text for others, `undefined` when empty. */
  body: unknown;
  rawBody: Uint8Array;
}

export interface ValidationReport {
  ok: boolean;
  problems: DependencyProblem[];
}

/** The set of handlers plus their providers: what every adapter serves and every shape packages. */
export interface App {
  readonly name: string;
  readonly handlers: readonly Handler[];
  readonly bodyLimit: number;
  handle(incoming: IncomingRequest, options: HandleOptions & { fallthrough: true }): Promise<CarveResponse | undefined>;
  handle(incoming: IncomingRequest, options?: HandleOptions): Promise<CarveResponse>;
  /** Calls the app in-process, with no server and no socket. */
  inject(request: InjectRequest): Promise<InjectResponse>;
  /** Reports handlers whose dependencies cannot be resolved, naming handler and token chain. */
  validate(): ValidationReport;
  /** The OpenAPI 3.1 document generated from the handlers' schemas. */
  openapi(): OpenApiDocument;
  /** Disposes singletons (closes databases); call on shutdown. */
  close(): Promise<void>;
}

interface Compiled {
  handler: Handler;
  policy: AuthPolicy;
  deps: Deps;
  perRequest: boolean;
  cached: Record<string, unknown> | undefined;
  accepts: readonly string[];
  bodyLimit: number;
}

const FALLTHROUGH = Symbol('carve.fallthrough');
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function createApp(options: AppOptions): App {
  const authenticators = options.auth === undefined ? [] : Array.isArray(options.auth) ? options.auth : [options.auth as Authenticator];
  const injector = new Injector(options.providers);
  const logger = createLogger(options.logger);
  const devMode = options.devMode ?? globalThis.process?.env?.['NODE_ENV'] === 'development';
  const appLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const router = new Router<Compiled>();

  for (const h of options.handlers) {
    const deps = h.spec.inject ?? {};
    injector.registerAll(deps);
    router.add(h.method, h.path, {
      handler: h,
      policy: h.spec.auth ?? 'authenticated',
      deps,
      perRequest: injector.needsRequestScope(deps),
      cached: undefined,
      accepts: h.spec.accepts ?? DEFAULT_ACCEPTS,
      bodyLimit: Math.min(h.spec.bodyLimit ?? appLimit, appLimit),
    });
  }

  async function authenticate(policy: AuthPolicy, request: CarveRequest): Promise<Principal | undefined> {
    if (policy === 'public') return undefined;
    let principal: Principal | undefined;
    for (const a of authenticators) {
      principal = await a.authenticate(request);
      if (principal) break;
    }
    if (!principal) {
      const bearer = authenticators.some((a) => a.scheme === 'jwt');
      throw new Unauthorized({ detail: 'authentication required', headers: bearer ? { 'www-authenticate': 'Bearer' } : {} });
    }
    if (typeof policy === 'object' && !policy.roles.some((r) => principal.roles.includes(r))) {
      throw new Forbidden(`requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return principal;
  }

  async function run(route: Compiled, request: CarveRequest, log: Logger): Promise<CarveResponse> {
    const { handler: h } = route;
    assertWithinLimit(request, route.bodyLimit);
    const principal = await authenticate(route.policy, request);
    const issues: ValidationIssue[] = [];
    const input = {
      params: validate(h.spec.params, request.params, 'params', issues),
      query: validate(h.spec.query, request.query, 'query', issues),
      headers: validate(h.spec.headers, request.headers, 'headers', issues),
      body: h.spec.body ? validate(h.spec.body, parseBody(request, route.accepts), 'body', issues) : undefined,
      principal,
      request,
      log,
    };
    if (issues.length > 0) throw new ValidationError(issues);
    const deps = route.perRequest
      ? injector.resolve(route.deps, { request, log, principal })
      : (route.cached ??= injector.resolve(route.deps));
    const value = await h.run(input as Parameters<Handler['run']>[0], deps);
    return toResponse(value, h.spec.status ?? 200, h.spec.response, log);
  }

  async function dispatch(request: CarveRequest, log: Logger, readBody: IncomingRequest['readBody'], fallthrough: boolean): Promise<CarveResponse> {
    try {
      const match = router.match(request.method, request.path);
      if (match.kind === 'found') {
        request.params = match.params;
        request.route = match.route.template;
        if (readBody) request.body = nonEmpty(await readBody(match.route.value.bodyLimit));
        return await run(match.route.value, request, log);
      }
      if (fallthrough) throw FALLTHROUGH;
      if (match.kind === 'not-found') throw new NotFound(`no route matches ${request.method} ${request.path}`);
      if (request.method === 'OPTIONS') {
        return { status: 204, headers: { allow: [...match.allowed, 'OPTIONS'].join(', ') }, cookies: [], body: undefined };
      }
      throw new MethodNotAllowed(match.allowed);
    } catch (error) {
      if (error === FALLTHROUGH) throw error;
      return problemResponse(error, request.requestId, devMode, log);
    }
  }

  const pending = new WeakMap<CarveRequest, { readBody: IncomingRequest['readBody']; fallthrough: boolean }>();
  const chain = compose(options.middleware ?? [], (request) => {
    const { readBody, fallthrough } = pending.get(request) ?? { readBody: undefined, fallthrough: false };
    return dispatch(request, request.log, readBody, fallthrough);
  });

  async function handle(incoming: IncomingRequest, handleOptions: HandleOptions = {}): Promise<CarveResponse | undefined> {
    const started = performance.now();
    const requestId = incoming.requestId || requestIdFrom(incoming.headers);
    const log = logger.child({ requestId });
    const request = new CarveRequest(incoming, requestId, log);
    if (incoming.readBody || handleOptions.fallthrough) {
      pending.set(request, { readBody: incoming.readBody, fallthrough: handleOptions.fallthrough ?? false });
    }
    let response: CarveResponse;
    try {
      response = await chain(request);
    } catch (error) {
      if (error === FALLTHROUGH) return undefined;
      response = problemResponse(error, requestId, devMode, log);
    }
    response.headers['x-request-id'] = requestId;
    if (request.method === 'HEAD' || response.status === 204 || response.status === 304) response.body = undefined;
    log.info('request', {
      method: request.method,
      route: request.route || undefined,
      path: request.route ? undefined : request.path,
      status: response.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
    });
    return response;
  }

  const app: App = {
    name: options.name ?? 'app',
    handlers: options.handlers,
    bodyLimit: appLimit,
    handle: handle as App['handle'],
    inject: (request) => injectInto(app, request),
    validate() {
      const problems = options.handlers.flatMap((h) => injector.check(`${h.method} ${h.path} (${h.id})`, h.spec.inject ?? {}));
      const guarded = options.handlers.filter((h) => (h.spec.auth ?? 'authenticated') !== 'public');
      if (guarded.length > 0 && authenticators.length === 0) {
        for (const h of guarded) {
          problems.push({
            handler: `${h.method} ${h.path} (${h.id})`, chain: [], token: 'auth',
            message: `${h.method} ${h.path} (${h.id}) requires authentication but the app has no authenticator: pass createApp({ auth }) or declare auth: 'public'`,
          });
        }
      }
      return { ok: problems.length === 0, problems };
    },
    openapi: () => buildOpenApi(app.name, options.handlers, authenticators, options.openapi),
    close: () => injector.dispose(),
  };
  return app;
}

function validate(schema: z.ZodType | undefined, value: unknown, where: string, issues: ValidationIssue[]): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code });
  }
  return undefined;
}

function requestIdFrom(headers: Record<string, string> | undefined): string {
  const given = headers?.['x-request-id'];
  return given !== undefined && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

const encoder = new TextEncoder();

async function injectInto(app: App, request: InjectRequest): Promise<InjectResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'cookie' ? '; ' : ', ') : value;
  }
  let body: Uint8Array | undefined;
  if (typeof request.body === 'string') body = encoder.encode(request.body);
  else if (request.body instanceof Uint8Array) body = request.body;
  else if (request.body !== undefined) {
    body = encoder.encode(JSON.stringify(request.body));
    headers['content-type'] ??= 'application/json';
  }
  if (body) headers['content-length'] = String(body.byteLength);
  const q = request.url.indexOf('?');
  const response = await app.handle({
    method: request.method,
    path: q === -1 ? request.url : request.url.slice(0, q),
    rawQuery: q === -1 ? '' : request.url.slice(q + 1),
    headers,
    body,
    sourceIp: request.sourceIp ?? '127.0.0.1',
  });
  const rawBody = typeof response.body === 'string' ? encoder.encode(response.body) : response.body ?? new Uint8Array();
  return { status: response.status, headers: response.headers, cookies: response.cookies, body: decodeForTest(rawBody, response.headers['content-type']), rawBody };
}

function decodeForTest(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (bytes.byteLength === 0) return undefined;
  const text = new TextDecoder().decode(bytes);
  return contentType && /[/+]json\b/.test(contentType) ? JSON.parse(text) : text;
}
