import type { RequestListener } from '../app.js';
import { withEmitterSocket } from './node.js';

/** One request for a Node request listener that runs without a server. */
export interface ListenerRequest {
  method: string;
  /** The path and query as sent: `/courses?limit=2`. */
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  remoteAddress?: string | undefined;
}

/** What the listener answered: every body as bytes, each `Set-Cookie` apart. */
export interface ListenerResponse {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

type Proxy = (event: ListenerEvent, context: object, callback: undefined) => Promise<ListenerResponse>;

interface ListenerEvent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  remoteAddress: string;
}

/** @vendia/serverless-express, as its caller loads it: `() => importPeer('@vendia/serverless-express', feature, () => import('@vendia/serverless-express'))`. */
export type LoadServerlessExpress = () => Promise<{ configure: (options: never) => unknown }>;

/**
 * Calls a Node request listener (an Express app) in-process, on @vendia/serverless-express's stand-ins for
 * Node's request and response: what hosts the legacy app on Azure and Express middleware inside carve
 * handlers (`carve/compat/express`). serverless-express is loaded at once but awaited by the first call;
 * the caller loads it, so that its bundle carries it and the kit imports no target library.
 */
export function listenerProxy(listener: RequestListener, load: LoadServerlessExpress): (request: ListenerRequest) => Promise<ListenerResponse> {
  const proxy = load().then(({ configure }) => configure({
    app: withEmitterSocket(listener) as never,
    eventSourceName: 'CARVE_LISTENER',
    // Every body goes back as bytes, so nothing depends on guessing which content types are text.
    binarySettings: { isBinary: () => true },
    eventSource: {
      getRequest: ({ event }: { event: ListenerEvent }) => ({ ...event }),
      getResponse: ({ statusCode, body, headers = {}, isBase64Encoded }: { statusCode: number; body: string; headers?: Record<string, string | string[] | number> | undefined; isBase64Encoded: boolean }): ListenerResponse => {
        const response: ListenerResponse = { status: statusCode, headers: {}, cookies: [], body: Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8') };
        for (const [name, value] of Object.entries(headers)) {
          if (name.toLowerCase() === 'set-cookie') response.cookies.push(...[value].flat().map(String));
          else response.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        return response;
      },
    },
  } as never) as unknown as Proxy);
  // Reported by the first call, not as an unhandled rejection at start-up.
  proxy.catch(() => undefined);

  return async (request) => {
    const body = request.body && request.body.byteLength > 0 ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength) : undefined;
    const headers = { ...request.headers };
    if (body) headers['content-length'] = String(body.length);
    const event: ListenerEvent = { method: request.method, path: request.url, headers, body, remoteAddress: request.remoteAddress ?? '' };
    return (await proxy)(event, {}, undefined);
  };
}
