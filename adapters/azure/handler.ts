import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { LogSink } from 'carve';
import { problemResponse, stripBasePath, type App, type CarveResponse } from 'carve/adapter';
import { toAzureCookie } from './cookies.js';
import { AZURE_HTTP_LIMIT_MS, DEFAULT_TIMEOUT_MS, routePrefixPath, type AzureHandlerOptions } from './options.js';
import { clientPrincipal } from './principal.js';

export type AzureHttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * An Azure Functions (Node programming model v4) HTTP handler for a carve app.
 *
 * @example
 * app.http('courses', { route: 'courses/{*rest}', handler: toAzureHandler(carveApp) });
 */
export function toAzureHandler(app: App, options: AzureHandlerOptions = {}): AzureHttpHandler {
  const prefix = routePrefixPath(options.routePrefix);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (timeoutMs >= AZURE_HTTP_LIMIT_MS) {
    throw new TypeError(`timeoutMs ${timeoutMs} is not below Azure's 230 s HTTP limit: the load balancer would drop the response first`);
  }
  const trustPrincipal = options.trustClientPrincipal ?? false;
  const fallback = options.fallback;
  if (app.remainder && !fallback) {
    throw new TypeError(`${app.name} has a legacy remainder: pass toAzureHandler(app, { fallback: legacyAzureHandler(app.remainder) }) with legacyAzureHandler from carve/azure/legacy`);
  }
  return async function azureHandler(request, context) {
    // The URL, never request.query: the host merges repeated keys into one comma-joined value.
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const logSink: LogSink = (line, level) => context[level](line);
    const caller = trustPrincipal ? clientPrincipal(headers) : undefined;
    if (caller && 'invalid' in caller) {
      const problem = problemResponse(401, { detail: caller.invalid, instance: context.invocationId, headers: { 'x-request-id': context.invocationId } });
      return { status: problem.status, headers: problem.headers, body: problem.body };
    }
    const response = await app.handle({
      method: request.method,
      path: stripBasePath(url.pathname, prefix),
      rawQuery: url.search.slice(1),
      headers,
      // Reading even an empty body costs a stream; the library sets `body` to null when there is none.
      readBody: request.body ? async () => new Uint8Array(await request.arrayBuffer()) : undefined,
      requestId: context.invocationId,
      sourceIp: clientIp(headers),
      principal: caller?.principal,
      raw: { request, context },
    }, { timeoutMs, logSink, fallthrough: fallback !== undefined });
    if (!response) return fallback!(request, context);
    return toResponseInit(response, context);
  };
}

function toResponseInit(response: CarveResponse, context: InvocationContext): HttpResponseInit {
  if (response.status < 200 || response.status > 599) {
    // The Functions host can only send 200–599; answer a clear 500 rather than crash in `new Response`.
    context.error(JSON.stringify({ level: 'error', msg: `status ${response.status} cannot be sent by Azure Functions`, requestId: context.invocationId }));
    const problem = problemResponse(500, { instance: context.invocationId, headers: { 'x-request-id': context.invocationId } });
    return { status: problem.status, headers: problem.headers, body: problem.body };
  }
  const init: HttpResponseInit = { status: response.status, headers: response.headers };
  if (response.cookies.length > 0) init.cookies = response.cookies.map(toAzureCookie);
  if (response.body !== undefined) init.body = response.body;
  return init;
}

/** The client's address: the last X-Forwarded-For hop, the one Azure's front end added (port removed). */
export function clientIp(headers: Record<string, string>): string {
  const last = headers['x-forwarded-for']?.split(',').at(-1)?.trim() ?? headers['client-ip'] ?? '';
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(last);
  if (v4WithPort) return v4WithPort[1]!;
  const v6WithPort = /^\[([^\]]+)\]:\d+$/.exec(last);
  return v6WithPort ? v6WithPort[1]! : last;
}

/** The Azure request and invocation context a carve request came from, for escape hatches. */
export function azureRequestOf(request: { raw: unknown }): { request: HttpRequest; context: InvocationContext } | undefined {
  const raw = request.raw as { request?: HttpRequest | undefined; context?: InvocationContext | undefined } | undefined;
  return raw?.request && raw.context ? { request: raw.request, context: raw.context } : undefined;
}
