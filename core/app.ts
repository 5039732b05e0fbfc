import type { Authenticator, AuthPolicy } from './auth/authenticator.js';
import type { Principal } from './auth/principal.js';
import { assertWithinLimit, DEFAULT_ACCEPTS, DEFAULT_BODY_LIMIT, DEFAULT_JSON_DEPTH, parseBody } from './body.js';
import { monotonicMs } from './clock.js';
import { answersWith, type Answer } from './answer.js';
import { Injector, type DependencyProblem } from './container.js';
import { withDeadline } from './deadline.js';
import { Forbidden, HttpError, MethodNotAllowed, NotFound, RequestAborted, Unauthorized, ValidationError, type ValidationIssue } from './errors.js';
import type { Handler } from './handler.js';
import { createLogger, type LoggerOptions, type LogSink } from './log.js';
import { compose, type Middleware } from './middleware.js';
import { buildOpenApi, type OpenApiDocument, type OpenApiInfo } from './openapi.js';
import { CarveRequest, type CarveResponse, type IncomingRequest } from './request.js';
import { problemResponse, resultValue, toResponse } from './respond.js';
import { Router } from './router.js';
import { reportIssues, type Schema, type SchemaResult } from './schema.js';
import type { Deps, Registration } from './token.js';

export interface AppOptions {
  /** Names the app in logs, the OpenAPI document and build output. */
  name?: string | undefined;
  handlers: readonly Handler[];
  /** Authenticators tried in order; the first that recognises a credential decides. */
  auth?: Authenticator | readonly Authenticator[] | undefined;
  /** Registrations that replace tokens' default providers. */
  providers?: readonly Registration[] | undefined;
  /** Outermost first; see `cors()`. */
  middleware?: readonly Middleware[] | undefined;
  /** The largest body accepted, in bytes. Default 6 MB (the Lambda payload limit). */
  bodyLimit?: number | undefined;
  /** How deeply a JSON body may nest (arrays and objects). Default 64; deeper is a 400. */
  jsonDepthLimit?: number | undefined;
  /** The largest header section (names and values, in bytes) accepted. Default 16 KB; larger is a 431. */
  headerLimit?: number | undefined;
  /** The longest raw query string accepted. Default 8 KB; longer is a 414. */
  queryLimit?: number | undefined;
  logger?: LoggerOptions | undefined;
  /** Puts error causes into 500 responses. Default: `NODE_ENV === 'development'`. */
  devMode?: boolean | undefined;
  /**
   * The OpenAPI document's info, and where the app serves it: `/openapi.json` by default, in every shape and on every
   * target (a unit of a shape serves the whole app's), `path: false` for nowhere. A handler on that path wins.
   */
  openapi?: (OpenApiInfo & { path?: string | false | undefined }) | undefined;
  /**
   * The legacy app behind the carve routes (strangler fig): a Node/Express request listener that gets
   * every request no handler matches. Adapters that can host it do (Express; Lambda via
   * `carve/aws/legacy`); `carve split` writes apps with one.
   */
  remainder?: RequestListener | undefined;
}

/** A Node request listener, such as an Express app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RequestListener = (req: any, res: any, next?: any) => unknown;

export interface HandleOptions {
  /** Resolve `undefined` instead of answering 404/405, so a host framework can try its own routes. */
  fallthrough?: boolean | undefined;
  /**
   * Answer 504 (problem+json) if the request is not done within this many milliseconds, so the
   * platform does not kill the invocation first (Lambda: remaining time minus a margin). A function
   * of the request is called only if the request waits (a request answered at once needs no deadline).
   */
  timeoutMs?: number | ((incoming: IncomingRequest) => number | undefined) | undefined;
  /** Where this request's log lines go, instead of the app's sink (Azure: `context.log`). */
  logSink?: LogSink | undefined;
}

export interface InjectRequest {
  method: string;
  /** Path and query as a client sends them: `/courses?limit=2`. */
  url: string;
  headers?: Record<string, string | string[]> | undefined;
  /** A string or bytes are sent as they are; any other value is sent as JSON. */
  body?: unknown;
  sourceIp?: string | undefined;
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
  /** The legacy app that answers what no handler matches, if any. */
  readonly remainder: RequestListener | undefined;
  /** The registrations that replace tokens' default providers (`createApp({ providers })`). */
  readonly providers: readonly Registration[];
  /** The authenticators of `createApp({ auth })`, in order. */
  readonly authenticators: readonly Authenticator[];
  /** The middleware of `createApp({ middleware })`, outermost first. */
  readonly middleware: readonly Middleware[];
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
  /**
   * The same app (auth, middleware, providers and their singletons, limits) serving only these handlers: what one
   * unit of a shape deploys. Unknown ids are an error.
   */
  select(handlerIds: readonly string[], options?: {
    remainder?: boolean | undefined;
    /**
     * The whole app's OpenAPI document, built beforehand (or a function that loads it when first asked for): a unit
     * bundled with only its own handlers serves this one. `false`: the unit does not serve it (its gateway does).
     */
    openapi?: OpenApiDocument | (() => OpenApiDocument) | false | undefined;
  }): App;
  /**
   * Runs handlers in-process, several in one request scope: one caller, one DI child container (so
   * request-scoped providers, DataLoaders say, are shared), each handler's own policy and schemas.
   * What the GraphQL shape resolves fields with.
   */
  session(request: CarveRequest): Session;
  /** The same app (settings, providers, and the singletons they made) with more handlers: REST plus `/graphql`, say. */
  with(handlers: readonly Handler[]): App;
}

export interface Session {
  readonly request: CarveRequest;
  /** Calls a handler by id with already-decoded inputs; resolves its result value, throws `HttpError`s. */
  call(handlerId: string, input?: { params?: Record<string, unknown> | undefined; query?: Record<string, unknown> | undefined; body?: unknown }): Promise<unknown>;
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

/** The container of the app an `app.with()` or `app.select()` came from, by the options it made: one app, one container. */
const inheritedInjector = new WeakMap<AppOptions, Injector>();
const inheritedWhole = new WeakMap<AppOptions, WholeApp>();

/** The app a unit was narrowed from (`app.select()`): its routes, for `Allow`, and its handlers, for the OpenAPI document. */
interface WholeApp {
  routes: Router<unknown>;
  handlers: readonly Handler[];
  document?: OpenApiDocument | (() => OpenApiDocument) | undefined;
}

export function createApp(options: AppOptions): App {
  const authenticators = options.auth === undefined ? [] : Array.isArray(options.auth) ? options.auth : [options.auth as Authenticator];
  const injector = inheritedInjector.get(options) ?? new Injector(options.providers);
  const logger = createLogger(options.logger);
  const devMode = options.devMode ?? globalThis.process?.env?.['NODE_ENV'] === 'development';
  const appLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const jsonDepth = options.jsonDepthLimit ?? DEFAULT_JSON_DEPTH;
  const headerLimit = options.headerLimit ?? 16 * 1024;
  const queryLimit = options.queryLimit ?? 8 * 1024;
  const router = new Router<Compiled>();
  // The app `app.select()` narrowed this one from: every unit of a shape knows the whole app's routes and document.
  const whole: WholeApp = inheritedWhole.get(options) ?? { routes: router, handlers: options.handlers };
  const wholeRoutes = whole.routes;
  const { path: documentPath = '/openapi.json', ...openapiInfo } = options.openapi ?? {};
  let document: string | undefined;

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

  /** The caller, from the platform or the first authenticator that recognises a credential; 401 for a bad one. */
  async function findPrincipal(request: CarveRequest): Promise<Principal | undefined> {
    if (request.platformPrincipal) return request.platformPrincipal;
    for (const a of authenticators) {
      const principal = await a.authenticate(request);
      if (principal) return principal;
    }
    return undefined;
  }

  function checkPolicy(policy: AuthPolicy, principal: Principal | undefined): Principal {
    if (!principal) {
      const bearer = authenticators.some((a) => a.scheme === 'jwt');
      throw new Unauthorized({ detail: 'authentication required', headers: bearer ? { 'www-authenticate': 'Bearer' } : {} });
    }
    if (typeof policy === 'object' && !policy.roles.some((r) => principal.roles.includes(r))) {
      throw new Forbidden(`requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return principal;
  }

  async function authenticate(policy: AuthPolicy, request: CarveRequest): Promise<Principal> {
    return checkPolicy(policy, await findPrincipal(request));
  }

  // The request path stays synchronous until something waits (a body stream, an authenticator, an async
  // validator or handler): a warm Lambda GET answers without a promise of carve's own, and no deadline.
  type Work = CarveResponse | Promise<CarveResponse>;

  function run(route: Compiled, request: CarveRequest): Work {
    if (!request.readBody) return runWithBody(route, request);
    let read: ReturnType<NonNullable<CarveRequest['readBody']>>;
    try {
      read = request.readBody(route.bodyLimit);
    } catch (error) {
      throw aborted(error, request);
    }
    if (!(read instanceof Promise)) {
      request.setBody(read);
      return runWithBody(route, request);
    }
    return read.then((body) => {
      request.setBody(body);
      return runWithBody(route, request);
    }, (error: unknown) => {
      throw aborted(error, request);
    });
  }

  function aborted(error: unknown, request: CarveRequest): unknown {
    if (error instanceof RequestAborted) abortedRequests.add(request);
    return error;
  }

  function runWithBody(route: Compiled, request: CarveRequest): Work {
    assertWithinLimit(request, route.bodyLimit);
    if (route.policy === 'public') return runAs(route, request, undefined);
    return authenticate(route.policy, request).then((principal) => runAs(route, request, principal));
  }

  function runAs(route: Compiled, request: CarveRequest, principal: Principal | undefined): Work {
    const { spec } = route.handler;
    // Without a query schema the query is parsed only if the handler reads it (Input's getter).
    const input = new Input(request, principal, request.params, spec.query ? request.query : undefined, request.headers,
      spec.body ? parseBody(request, route.accepts, jsonDepth) : undefined);
    const checkedInput = inputs(spec, input);
    if (checkedInput instanceof Promise) return checkedInput.then((given) => respond(route, request, principal, given));
    return respond(route, request, principal, checkedInput);
  }

  function respond(route: Compiled, request: CarveRequest, principal: Principal | undefined, input: Input): Work {
    const { handler: h } = route;
    const { spec } = h;
    const deps = route.perRequest
      ? injector.resolve(route.deps, { request, log: request.log, principal })
      : (route.cached ??= injector.resolve(route.deps));
    const value = h.run(input as Parameters<Handler['run']>[0], deps);
    if (value instanceof Promise) return value.then((settled: unknown) => toResponse(settled, spec.status ?? 200, spec.response, request));
    return toResponse(value, spec.status ?? 200, spec.response, request);
  }

  function checkSizes(request: CarveRequest): void {
    if (request.rawQuery.length > queryLimit) {
      throw new HttpError(414, { detail: `the query string is ${request.rawQuery.length} characters; the limit is ${queryLimit}` });
    }
    const size = request.headerBytes;
    if (size > headerLimit) throw new HttpError(431, { detail: `the headers are ${size} bytes; the limit is ${headerLimit}` });
  }

  // Requests whose host framework wants unmatched routes back (strangler mode); rare, so kept aside.
  const fallingThrough = new WeakSet<CarveRequest>();

  function dispatch(request: CarveRequest): Work {
    try {
      checkSizes(request);
      const match = router.match(request.method, request.path);
      if (match.kind === 'found') {
        request.params = match.params;
        request.route = match.route.template;
        const answer = run(match.route.value, request);
        return answer instanceof Promise ? answer.catch((error: unknown) => problemResponse(error, request, devMode)) : answer;
      }
      if (documentPath !== false && request.path === documentPath && (request.method === 'GET' || request.method === 'HEAD')) {
        document ??= JSON.stringify((typeof whole.document === 'function' ? whole.document() : whole.document)
          ?? buildOpenApi(app.name, whole.handlers, authenticators, openapiInfo));
        return { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: document };
      }
      if (fallingThrough.has(request)) throw FALLTHROUGH;
      // One unit of a shape answers OPTIONS and 405 with the methods of the whole app on the path, as the monolith does.
      const across = wholeRoutes === router ? match : wholeRoutes.match(request.method, request.path);
      if (across.kind !== 'method-not-allowed') throw new NotFound(`no route matches ${request.method} ${request.path}`);
      if (request.method === 'OPTIONS') {
        return { status: 204, headers: { allow: [...across.allowed, 'OPTIONS'].join(', ') }, cookies: [], body: undefined };
      }
      throw new MethodNotAllowed(across.allowed);
    } catch (error) {
      if (error === FALLTHROUGH) throw error;
      return problemResponse(error, request, devMode);
    }
  }

  const middleware = options.middleware ?? [];
  const chain: (request: CarveRequest) => Work = middleware.length === 0 ? dispatch : compose(middleware, async (request) => dispatch(request));
  // Requests whose client hung up mid-body: logged once, at info, as aborted.
  const abortedRequests = new WeakSet<CarveRequest>();
  const accessLog = logger.enabled('info');
  const logsAnything = logger.enabled('error');

  // What the app answers, synchronously when nothing waited: a warm Lambda GET goes through no promise of carve's.
  function answer(incoming: IncomingRequest, handleOptions: HandleOptions = {}): Answer {
    const started = accessLog ? monotonicMs() : 0;
    const requestId = requestIdFrom(incoming);
    const appLog = handleOptions.logSink && logsAnything ? createLogger({ ...options.logger, sink: handleOptions.logSink }) : logger;
    const request = new CarveRequest(incoming, requestId, appLog);
    if (handleOptions.fallthrough) fallingThrough.add(request);
    let work: Work;
    try {
      work = chain(request);
    } catch (error) {
      return failed(error, request, started);
    }
    if (!(work instanceof Promise)) return finish(work, request, started);
    const timeoutMs = typeof handleOptions.timeoutMs === 'function' ? handleOptions.timeoutMs(incoming) : handleOptions.timeoutMs;
    return (timeoutMs === undefined ? work : withDeadline(work, timeoutMs))
      .then((response) => finish(response, request, started), (error: unknown) => failed(error, request, started));
  }

  function failed(error: unknown, request: CarveRequest, started: number): CarveResponse | undefined {
    return error === FALLTHROUGH ? undefined : finish(problemResponse(error, request, devMode), request, started);
  }

  function finish(response: CarveResponse, request: CarveRequest, started: number): CarveResponse {
    response.headers['x-request-id'] = request.requestId;
    if (request.method === 'HEAD' || response.status === 204 || response.status === 304) response.body = undefined;
    if (accessLog) {
      request.log.info(abortedRequests.has(request) ? 'request aborted' : 'request', {
        method: request.method,
        route: request.route || undefined,
        path: request.route ? undefined : request.path,
        status: response.status,
        ms: Math.round((monotonicMs() - started) * 100) / 100,
      });
    }
    return response;
  }

  function handle(incoming: IncomingRequest, handleOptions?: HandleOptions): Promise<CarveResponse | undefined> {
    try {
      return Promise.resolve(answer(incoming, handleOptions));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  const byId = new Map<string, Compiled>(router.entries.map((e) => [e.value.handler.id, e.value]));

  function session(request: CarveRequest): Session {
    type Found = { principal?: Principal | undefined; error?: unknown };
    let found: Promise<Found> | undefined;
    let scope: ((deps: Deps) => Record<string, unknown>) | undefined;
    const caller = () => (found ??= findPrincipal(request).then((principal): Found => ({ principal }), (error: unknown): Found => ({ error })));
    return {
      request,
      async call(handlerId, given = {}) {
        const route = byId.get(handlerId);
        if (!route) throw new NotFound(`${app.name} has no handler "${handlerId}"`);
        const { handler: h } = route;
        const { spec } = h;
        let principal: Principal | undefined;
        if (route.policy !== 'public') {
          const result = await caller();
          if (result.error) throw result.error;
          principal = checkPolicy(route.policy, result.principal);
        }
        const input = await inputs(spec, new Input(request, principal, given.params ?? {}, given.query ?? {}, request.headers, spec.body ? given.body : undefined));
        let deps: Record<string, unknown>;
        if (route.perRequest) {
          const shared = (await caller()).principal;
          deps = (scope ??= injector.scope({ request, log: request.log, principal: shared }))(route.deps);
        } else deps = route.cached ??= injector.resolve(route.deps);
        let value = h.run(input as Parameters<Handler['run']>[0], deps);
        if (value instanceof Promise) value = await value;
        return resultValue(value, spec.response, request);
      },
    };
  }

  const app: App = {
    name: options.name ?? 'app',
    handlers: options.handlers,
    bodyLimit: appLimit,
    remainder: options.remainder,
    providers: options.providers ?? [],
    authenticators,
    middleware,
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
    openapi: () => buildOpenApi(app.name, options.handlers, authenticators, openapiInfo),
    close: () => injector.dispose(),
    session,
    with: (handlers) => derive({ ...options, handlers: [...options.handlers, ...handlers] }),
    select(handlerIds, selectOptions = {}) {
      const known = new Map(options.handlers.map((h) => [h.id, h]));
      const unknown = handlerIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new TypeError(`${app.name} has no handler ${unknown.map((id) => `"${id}"`).join(', ')}`);
      const narrowed: AppOptions = {
        ...options, handlers: handlerIds.map((id) => known.get(id)!), remainder: selectOptions.remainder ? options.remainder : undefined,
        ...(selectOptions.openapi === false ? { openapi: { ...options.openapi, path: false } } : {}),
      };
      inheritedWhole.set(narrowed, selectOptions.openapi ? { ...whole, document: selectOptions.openapi } : whole);
      return derive(narrowed);
    },
  };
  answersWith(app, answer);
  // The same app with other handlers: its singletons are this app's, never a second set of them.
  function derive(derived: AppOptions): App {
    inheritedInjector.set(derived, injector);
    return createApp(derived);
  }
  return app;
}

/** A handler's four inputs: as they came (the body parsed only for a handler with a body schema), then as checked. */
interface Inputs { params: unknown; query: unknown; headers: unknown; body: unknown }

// Validators that answer synchronously (zod, valibot, arktype do) report into one scratch list: their checks run start to end.
const scratch: ValidationIssue[] = [];

function check(schema: Schema | undefined, value: unknown): SchemaResult | Promise<SchemaResult> | undefined {
  return schema?.['~standard'].validate(value);
}

/** A handler's inputs, each checked against its schema (in place); every failure reported at once, as one 400. */
function inputs<I extends Inputs>(spec: Handler['spec'], given: I): I | Promise<I> {
  const params = check(spec.params, given.params);
  const query = spec.query ? check(spec.query, given.query) : undefined;
  const headers = check(spec.headers, given.headers);
  const body = check(spec.body, given.body);
  if (params instanceof Promise || query instanceof Promise || headers instanceof Promise || body instanceof Promise) {
    return Promise.all([params, query, headers, body]).then(([p, q, h, b]) => checked(given, p, q, h, b, []));
  }
  return checked(given, params, query, headers, body, scratch);
}

/** The inputs with each checked part in place of the part as it came, or a ValidationError with the issues of every part. */
function checked<I extends Inputs>(given: I, params: SchemaResult | undefined, query: SchemaResult | undefined, headers: SchemaResult | undefined,
  body: SchemaResult | undefined, issues: ValidationIssue[]): I {
  // A part without a schema is left as it is (a query without one is not even parsed).
  if (params) given.params = part(params, given.params, 'params', issues);
  if (query) given.query = part(query, given.query, 'query', issues);
  if (headers) given.headers = part(headers, given.headers, 'headers', issues);
  if (body) given.body = part(body, given.body, 'body', issues);
  if (issues.length > 0) throw new ValidationError(issues.splice(0));
  return given;
}

function part(result: SchemaResult, given: unknown, name: keyof Inputs, issues: ValidationIssue[]): unknown {
  if (result.issues === undefined) return result.value;
  reportIssues(result.issues, name, issues);
  return given;
}

/** What a handler receives, its inputs checked in place. A class, so the lazy parts (query, log) are prototype getters. */
class Input implements Inputs {
  #query: unknown;

  constructor(
    readonly request: CarveRequest,
    readonly principal: Principal | undefined,
    public params: unknown,
    query: unknown,
    public headers: unknown,
    public body: unknown,
  ) {
    this.#query = query;
  }

  /** The checked query, or (without a query schema) the request's, parsed when first read. */
  get query(): unknown {
    return this.#query ?? this.request.query;
  }

  set query(checked: unknown) {
    this.#query = checked;
  }

  get log() {
    return this.request.log;
  }
}

/** The caller's `x-request-id` when it is sane (so ids propagate across services), else the platform's, else a new one. */
function requestIdFrom(incoming: IncomingRequest): string {
  const given = incoming.headers?.['x-request-id'];
  if (given !== undefined && REQUEST_ID.test(given)) return given;
  return incoming.requestId || crypto.randomUUID();
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
  return { status: response.status, headers: response.headers, cookies: [...response.cookies], body: decodeForTest(rawBody, response.headers['content-type']), rawBody };
}

function decodeForTest(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (bytes.byteLength === 0) return undefined;
  const text = new TextDecoder().decode(bytes);
  return contentType && /[/+]json\b/.test(contentType) ? JSON.parse(text) : text;
}
