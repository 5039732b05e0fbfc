import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { importPeer, stripBasePath, type RequestListener } from 'carve/adapter';
import { listenerProxy } from 'carve/adapter/node';
import { toAzureCookie } from './cookies.js';
import { clientIp } from './handler.js';
import { routePrefixPath } from './options.js';

export type AzureLegacyHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * Runs an existing Express app on Azure Functions (v4) with @vendia/serverless-express: the legacy unit of a
 * strangler migration. Pass it as `registerAzureFunctions(app, { fallback })` to serve what carve does not
 * have yet. serverless-express's own Azure source reads the v3 model's `context.req` and splits cookie
 * values on `=`, so the kit's `listenerProxy` gives it the v4 request through a source of its own. Kept in
 * its own module so SDK-only function apps never bundle serverless-express.
 */
export function legacyAzureHandler(expressApp: RequestListener, options: { routePrefix?: string | undefined } = {}): AzureLegacyHandler {
  const prefix = routePrefixPath(options.routePrefix);
  const call = listenerProxy(expressApp, () => importPeer('@vendia/serverless-express', 'carve/azure/legacy', () => import('@vendia/serverless-express')));
  return async function legacy(request) {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const answer = await call({ method: request.method, url: stripBasePath(url.pathname, prefix) + url.search, headers, body, remoteAddress: clientIp(headers) });
    const init: HttpResponseInit = { status: answer.status, headers: answer.headers };
    if (answer.cookies.length > 0) init.cookies = answer.cookies.map(toAzureCookie);
    if (answer.body.length > 0) init.body = answer.body;
    return init;
  };
}
