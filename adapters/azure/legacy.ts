import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { importPeer, stripBasePath, type RequestListener } from 'carve/adapter';
import { withEmitterSocket } from 'carve/adapter/node';
import { toAzureCookie } from './cookies.js';
import { clientIp } from './handler.js';
import { routePrefixPath } from './options.js';

type Proxy = (event: unknown, context: unknown, callback: undefined) => Promise<unknown>;

/** What serverless-express is given for one invocation: the request, read, with the route prefix stripped. */
interface LegacyEvent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  remoteAddress: string;
}

export type AzureLegacyHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * Runs an existing Express app on Azure Functions (v4) with @vendia/serverless-express: the legacy unit of a
 * strangler migration. Pass it as `registerAzureFunctions(app, { fallback })` to serve what carve does not
 * have yet. serverless-express's own Azure source reads the v3 model's `context.req` and splits cookie
 * values on `=`, so this gives it the v4 request through a source of its own. Kept in its own module so
 * SDK-only function apps never bundle serverless-express,
 * which is loaded at once but awaited by the first request.
 */
export function legacyAzureHandler(expressApp: RequestListener, options: { routePrefix?: string | undefined } = {}): AzureLegacyHandler {
  const prefix = routePrefixPath(options.routePrefix);
  const proxy = importPeer('@vendia/serverless-express', 'carve/azure/legacy', () => import('@vendia/serverless-express')).then(({ configure }) => configure({
    app: withEmitterSocket(expressApp) as never,
    eventSourceName: 'CARVE_AZURE_V4',
    // Every body goes back as bytes, so nothing depends on guessing which content types are text.
    binarySettings: { isBinary: () => true },
    eventSource: {
      getRequest: ({ event }: { event: LegacyEvent }) => ({ ...event }),
      getResponse: ({ statusCode, body, headers = {}, isBase64Encoded }: { statusCode: number; body: string; headers?: Record<string, string | string[] | number> | undefined; isBase64Encoded: boolean }) => {
        const init: HttpResponseInit = { status: statusCode, headers: {} };
        const out = init.headers as Record<string, string>;
        for (const [name, value] of Object.entries(headers)) {
          if (name.toLowerCase() === 'set-cookie') init.cookies = [value].flat().map((v) => toAzureCookie(String(v)));
          else out[name] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        // serverless-express's own error answer (when the app throws outside Express) arrives as text.
        const bytes = Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8');
        if (bytes.length > 0) init.body = bytes;
        return init;
      },
    },
  } as never) as unknown as Proxy);
  // Reported by the first request, not as an unhandled rejection at start-up.
  proxy.catch(() => undefined);

  return async function legacy(request, context) {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    if (body) headers['content-length'] = String(body.length);
    const event: LegacyEvent = { method: request.method, path: stripBasePath(url.pathname, prefix) + url.search, headers, body, remoteAddress: clientIp(headers) };
    return (await (await proxy)(event, { invocationId: context.invocationId }, undefined)) as HttpResponseInit;
  };
}
