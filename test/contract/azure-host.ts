// A stand-in for the Azure Functions host, for tests: it captures app.http(...) registrations through a
// stub of the worker's `@azure/functions-core` module, routes requests by their route templates as the
// host does, and invokes functions through @azure/functions' own InvocationModel, so the library's real
// request and response conversion (HttpRequest, toRpcHttp, RpcHttpCookie) runs.
import Module from 'node:module';
import type { ContractResponse } from './client.js';
import { decodeBody } from './client.js';

interface CoreRegistration {
  metadata: { name: string; bindings: Record<string, { type: string; direction: string; route?: string; methods?: string[] }> };
  handler: (...args: unknown[]) => unknown;
}
interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: CoreRegistration['handler']): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<{ returnValue?: { http?: RpcHttpResponse } }>;
}
interface RpcHttpResponse {
  statusCode: string;
  headers: Record<string, string>;
  cookies: RpcCookie[];
  body?: { bytes?: Uint8Array; string?: string };
}
interface RpcCookie {
  name: string;
  value: string;
  domain?: { value: string };
  path?: { value: string };
  expires?: { value: { seconds: number } };
  secure?: { value: boolean };
  httpOnly?: { value: boolean };
  sameSite: string;
  maxAge?: { value: number };
}

const registrations: CoreRegistration[] = [];
let programmingModel: { getInvocationModel(coreCtx: unknown): InvocationModel } | undefined;
const fakeCore = {
  setProgrammingModel: (model: typeof programmingModel) => void (programmingModel = model),
  getProgrammingModel: () => programmingModel,
  registerFunction: (metadata: CoreRegistration['metadata'], handler: CoreRegistration['handler']) => {
    registrations.push({ metadata, handler });
    return { dispose: () => undefined };
  },
  registerHook: () => ({ dispose: () => undefined }),
  log: () => undefined,
};
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleInternals._load;
moduleInternals._load = function (request: string, ...rest: unknown[]) {
  return request === '@azure/functions-core' ? fakeCore : load.call(this, request, ...rest);
};

export interface HostRequest {
  method: string;
  /** Path and query after the host name, route prefix included: `/api/courses?x=1`. */
  url: string;
  headers: Record<string, string | string[]>;
  body?: Uint8Array | undefined;
}

export interface RegisteredFunction {
  name: string;
  route: string;
  methods: string[];
  handler: CoreRegistration['handler'];
  metadata: CoreRegistration['metadata'];
}

/** Runs `register` and returns a host serving exactly the functions it registered. */
export function withFakeHost(register: () => void, routePrefix = 'api'): FakeFunctionsHost {
  const from = registrations.length;
  register();
  return new FakeFunctionsHost(registrations.slice(from), routePrefix);
}

/** The same, for registrations made while an async step runs (importing a built function app). */
export async function withFakeHostAsync(register: () => Promise<unknown>, routePrefix = 'api'): Promise<FakeFunctionsHost> {
  const from = registrations.length;
  await register();
  return new FakeFunctionsHost(registrations.slice(from), routePrefix);
}

let invocations = 0;

export class FakeFunctionsHost {
  readonly functions: RegisteredFunction[];

  constructor(found: CoreRegistration[], private readonly routePrefix: string) {
    this.functions = found.map(({ metadata, handler }) => {
      const trigger = Object.values(metadata.bindings).find((b) => b.type === 'httpTrigger')!;
      return { name: metadata.name, route: trigger.route ?? metadata.name, methods: trigger.methods ?? ['GET', 'POST'], handler, metadata };
    });
    // ASP.NET route precedence: literal segments before parameters before catch-alls.
    this.functions.sort((a, b) => weight(a.route) - weight(b.route));
  }

  async request(req: HostRequest): Promise<ContractResponse> {
    const url = new URL(req.url, 'http://localhost:7071');
    const prefix = this.routePrefix ? `/${this.routePrefix}` : '';
    if (prefix && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return notFound();
    const path = url.pathname.slice(prefix.length).replace(/^\//, '');
    for (const fn of this.functions) {
      const params = matchRoute(fn.route, path);
      if (!params || !fn.methods.includes(req.method)) continue;
      return this.#invoke(fn, req, url, params);
    }
    return notFound();
  }

  async #invoke(fn: RegisteredFunction, req: HostRequest, url: URL, params: Record<string, string>): Promise<ContractResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = [value].flat().join(', ');
    // Azure's front end appends the client address, with its port.
    headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, 203.0.113.9:53012` : '203.0.113.9:53012';
    // The host's query map merges repeated keys into one comma-joined value (nodejs-library#168).
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
    const triggerName = Object.entries(fn.metadata.bindings).find(([, b]) => b.type === 'httpTrigger')![0];
    const coreCtx = {
      invocationId: `azure-invocation-${++invocations}`,
      metadata: fn.metadata,
      request: {
        inputData: [{
          name: triggerName,
          data: { http: { method: req.method, url: url.href, headers, query, params, body: req.body ? { bytes: req.body } : undefined } },
        }],
      },
    };
    const model = programmingModel!.getInvocationModel(coreCtx);
    const { context, inputs } = await model.getArguments();
    const result = await model.invokeFunction(context, inputs, fn.handler);
    const http = (await model.getResponse(context, result)).returnValue?.http;
    if (!http) throw new Error(`${fn.name} returned no HTTP response`);
    const rawBody = http.body?.bytes ? Buffer.from(http.body.bytes) : Buffer.from(http.body?.string ?? '');
    return {
      status: Number(http.statusCode),
      headers: http.headers,
      cookies: http.cookies.map(toSetCookie),
      body: decodeBody(rawBody, http.headers['content-type']),
      rawBody,
    };
  }
}

function weight(route: string): number {
  return (route.match(/\{\*/g)?.length ?? 0) * 100 + (route.match(/\{/g)?.length ?? 0);
}

function matchRoute(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.split('/').map((segment) => {
    const catchAll = /^\{\*(\w+)\}$/.exec(segment);
    if (catchAll) return names.push(catchAll[1]!), '(.*)';
    const param = /^\{(\w+)\}$/.exec(segment);
    if (param) return names.push(param[1]!), '([^/]+)';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  const match = new RegExp(`^${pattern.replace(/\/\(\.\*\)$/, '(?:/(.*))?')}$`, 'i').exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
}

/** How the host writes a cookie object back as a header (ASP.NET's lower-case attribute names). */
function toSetCookie(c: RpcCookie): string {
  let out = `${c.name}=${c.value}`;
  if (c.expires?.value) out += `; expires=${new Date(c.expires.value.seconds * 1000).toUTCString()}`;
  if (c.maxAge?.value !== undefined) out += `; max-age=${c.maxAge.value}`;
  if (c.domain?.value) out += `; domain=${c.domain.value}`;
  if (c.path?.value) out += `; path=${c.path.value}`;
  if (c.secure?.value) out += '; secure';
  if (c.sameSite && c.sameSite !== 'none') out += `; samesite=${c.sameSite === 'explicitNone' ? 'none' : c.sameSite}`;
  if (c.httpOnly?.value) out += '; httponly';
  return out;
}

function notFound(): ContractResponse {
  return { status: 404, headers: {}, cookies: [], body: undefined, rawBody: new Uint8Array() };
}
