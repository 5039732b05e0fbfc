/**
 * @module carve/fetch — a carve app as a Fetch API handler, `(request) => Promise<Response>`: what Bun,
 * Deno, Cloudflare Workers and Vercel's edge functions call. A subpath of its own, so that nothing else in
 * carve touches `Request` or `Response` (their first use costs a Lambda cold start tens of milliseconds).
 *
 * @example
 * export default { fetch: toFetchHandler(app) };                 // Cloudflare Workers
 * Deno.serve(toFetchHandler(app));                              // Deno
 */
import type { App } from '../app.js';
import { stripBasePath } from '../query.js';
import { PayloadTooLarge, type HttpError } from '../errors.js';
import type { CarveResponse } from '../request.js';
import { problemResponse } from './problem.js';

/** What the runtime passes after the request (Bun: the server; Workers: env and the execution context). */
export type PlatformArgs = readonly unknown[];

export type FetchHandler = (request: Request, ...platform: PlatformArgs) => Promise<Response>;

export interface FetchHandlerOptions {
  /** The client's address; a `Request` does not carry it, the runtime does (Bun: `server.requestIP(request)`). */
  sourceIp?: ((request: Request, ...platform: PlatformArgs) => string | undefined) | undefined;
  /** A path prefix the platform serves the app under, stripped segment-aware (`/api`). */
  basePath?: string | undefined;
  /** Where requests carve has no route for go: another fetch handler (static files, a legacy app). */
  fallback?: FetchHandler | undefined;
}

/**
 * The runtime has already parsed the URL, so the path is what the WHATWG URL parser kept: dot segments
 * are resolved before carve sees them (as on Azure), percent-escapes are left as sent.
 */
export function toFetchHandler(app: App, options: FetchHandlerOptions = {}): FetchHandler {
  if (app.remainder) throw new TypeError(`${app.name} has a legacy remainder (an Express app), which a fetch runtime cannot run; serve it on Node`);
  const base = options.basePath ?? '';
  const fallback = options.fallback;
  return async function fetchHandler(request, ...platform) {
    const { path, rawQuery } = splitUrl(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const response = await app.handle({
      method: request.method,
      path: base ? stripBasePath(path, base) : path,
      rawQuery,
      headers,
      readBody: request.body ? (limit) => readBody(request, limit) : undefined,
      sourceIp: options.sourceIp?.(request, ...platform) ?? '',
      raw: { request, platform },
    }, { fallthrough: fallback !== undefined });
    if (!response) return fallback!(request, ...platform);
    return toWebResponse(response);
  };
}

/** The Fetch API request a carve request came from, for escape hatches. */
export function fetchRequestOf(request: { raw: unknown }): { request: Request; platform: PlatformArgs } | undefined {
  const raw = request.raw as { request?: Request | undefined; platform?: PlatformArgs | undefined } | undefined;
  return raw?.request && raw.platform ? { request: raw.request, platform: raw.platform } : undefined;
}

function splitUrl(url: string): { path: string; rawQuery: string } {
  // An absolute URL (`https://host/p?q`); cut by hand, since `new URL` would be a second parse.
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return { path: '/', rawQuery: '' };
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?', start);
  return q === -1 || q > end ? { path: url.slice(start, end), rawQuery: '' } : { path: url.slice(start, q), rawQuery: url.slice(q + 1, end) };
}

async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(Number(declared), limit);
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(size, limit);
    }
    chunks.push(value);
  }
  if (chunks.length <= 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(size: number, limit: number): HttpError {
  return new PayloadTooLarge({ detail: `the body is at least ${size} bytes; the limit is ${limit}`, headers: { connection: 'close' } });
}

const NO_BODY = new Set([101, 204, 205, 304]);

function toWebResponse(response: CarveResponse): Response {
  // `new Response` refuses statuses outside 200–599: answer a clear 500 rather than throw.
  const sendable = response.status >= 200 && response.status <= 599 ? response : problemResponse(500, { detail: `status ${response.status} cannot be sent` });
  const headers = new Headers(sendable.headers);
  for (const cookie of sendable.cookies) headers.append('set-cookie', cookie);
  const body = NO_BODY.has(sendable.status) || sendable.body === undefined ? null : sendable.body;
  return new Response(body as ConstructorParameters<typeof Response>[0], { status: sendable.status, headers });
}
