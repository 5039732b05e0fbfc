/**
 * @module carve/adapter/node — bridges between Node's `http` request and response and carve's, for
 * targets that run on Node (Express, the dev gateway, serverless-express hosts).
 */
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestListener } from '../app.js';
import { PayloadTooLarge, RequestAborted, type HttpError } from '../errors.js';
import type { CarveResponse, IncomingRequest } from '../request.js';

/** Node's request as carve's: the path as sent, the body read only once a route matched. */
export function nodeIncoming(req: IncomingMessage): IncomingRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    rawQuery: q === -1 ? '' : url.slice(q + 1),
    headers: flattenHeaders(req.headers),
    readBody: (limit) => readNodeBody(req, limit),
    sourceIp: req.socket.remoteAddress ?? '',
    raw: req,
  };
}

/** Header names as Node gives them (lower case); repeated values joined with `, `. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Reads a request body of at most `limit` bytes; `undefined` when the request declares none. */
export async function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return undefined;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(req, Number(declared), limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop early (a body over the limit) must not destroy the request: the rest is dropped, see tooLarge.
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(req, size, limit);
      chunks.push(chunk);
    }
  } catch (error) {
    // Node ends the body with `Error: aborted` (ECONNRESET) when the client hangs up mid-body.
    if (req.destroyed && !(error instanceof PayloadTooLarge)) throw new RequestAborted({ cause: error });
    throw error;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

// What a client may still send after its 413 is decided, read and dropped so that it gets to read the answer.
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * The 413 for a body over the limit. The rest of the body is read and dropped rather than left unread: closing a
 * socket with unread bytes makes the kernel reset it, and a client still sending (curl, fetch, a proxy) then sees
 * EPIPE or ECONNRESET instead of the 413. Past 64 MB or 10 s of it, the connection is cut after all.
 */
function tooLarge(req: IncomingMessage, size: number, limit: number): HttpError {
  let dropped = 0;
  const cut = setTimeout(() => req.destroy(), DISCARD_MS).unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_BYTES) req.destroy();
  });
  req.once('end', () => clearTimeout(cut)).once('close', () => clearTimeout(cut));
  req.resume();
  return new PayloadTooLarge({ detail: `the body is at least ${size} bytes; the limit is ${limit}` });
}

/** Sends carve's response on Node's: each cookie its own `Set-Cookie`, an exact `Content-Length`. */
export function writeNodeResponse(res: ServerResponse, response: CarveResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers };
  if (response.cookies.length > 0) headers['set-cookie'] = [...response.cookies];
  const body = response.body;
  if (body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers).end(bytes);
}

/**
 * A request listener for hosts that emulate Node's socket with a plain object (@vendia/serverless-express):
 * Express 5's finalhandler listens on the socket for unmatched routes and throws on a plain object
 * (CodeGenieApp/serverless-express#698), so the socket gets EventEmitter's methods first.
 */
export function withEmitterSocket(listener: RequestListener): (req: { socket: object }, res: unknown) => void {
  return (req, res) => {
    if (!(req.socket instanceof EventEmitter)) Object.setPrototypeOf(req.socket, EventEmitter.prototype);
    listener(req, res);
  };
}
export { listenerProxy } from './listener.js';
export { drainable } from './drain.js';
export type { Drainable } from './drain.js';
export type { ListenerRequest, ListenerResponse, LoadServerlessExpress } from './listener.js';
