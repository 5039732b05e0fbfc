import { EventEmitter } from 'node:events';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import serverlessExpress from '@vendia/serverless-express';
import { stripBasePath } from 'carve';
import { toAzureCookie } from './cookies';
import { clientIp } from './handler';
import { routePrefixPath } from './options';

type RequestListener = (req: never, res: never) => void;

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
 * SDK-only function apps never bundle serverless-express.
 */
export function legacyAzureHandler(expressApp: RequestListener, options: { routePrefix?: string } = {}): AzureLegacyHandler {
  const prefix = routePrefixPath(options.routePrefix);
  const proxy = serverlessExpress({
    app: ((req: { socket: object }, res: never) => {
      // serverless-express hands Express a plain object as the socket; Express 5's finalhandler listens on
      // it for unmatched routes and throws (CodeGenieApp/serverless-express#698), so give it the methods.
      if (!(req.socket instanceof EventEmitter)) Object.setPrototypeOf(req.socket, EventEmitter.prototype);
      expressApp(req as never, res);
    }) as never,
    eventSourceName: 'CARVE_AZURE_V4',
    // Every body goes back as bytes, so nothing depends on guessing which content types are text.
    binarySettings: { isBinary: () => true },
    eventSource: {
      getRequest: ({ event }: { event: LegacyEvent }) => ({ ...event }),
      getResponse: ({ statusCode, body, headers = {}, isBase64Encoded }: { statusCode: number; body: string; headers?: Record<string, string | string[] | number>; isBase64Encoded: boolean }) => {
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
  } as never);

  return async function legacy(request, context) {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    if (body) headers['content-length'] = String(body.length);
    const event: LegacyEvent = { method: request.method, path: stripBasePath(url.pathname, prefix) + url.search, headers, body, remoteAddress: clientIp(headers) };
    return (await proxy(event as never, { invocationId: context.invocationId } as never, undefined as never)) as HttpResponseInit;
  };
}
