import type { Request } from 'express';
import { PayloadTooLarge, stringifyQuery, type HttpError, type IncomingRequest } from 'carve';

/** Maps an Express request to carve's incoming request; the body is read only if a carve route matches. */
export function toIncoming(req: Request): IncomingRequest {
  const url = req.url;
  const q = url.indexOf('?');
  return {
    method: req.method,
    path: q === -1 ? url : url.slice(0, q),
    rawQuery: q === -1 ? '' : url.slice(q + 1),
    headers: flattenHeaders(req.headers),
    readBody: (limit) => readBody(req, limit),
    // req.ip honours Express's "trust proxy" setting; by default it is the socket peer, never X-Forwarded-For.
    sourceIp: req.ip ?? req.socket.remoteAddress ?? '',
    raw: req,
  };
}

function flattenHeaders(headers: Request['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: Request, limit: number): Promise<Uint8Array | undefined> {
  // Another middleware (express.json(), express.raw()) may have consumed the stream already.
  if (req.readableEnded || req.body !== undefined) return alreadyParsed(req);
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return undefined;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(Number(declared), limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(size, limit);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

function alreadyParsed(req: Request): Uint8Array | undefined {
  const body: unknown = req.body;
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (req.is('application/x-www-form-urlencoded')) return Buffer.from(stringifyQuery(body as Record<string, string>));
  return Buffer.from(JSON.stringify(body));
}

function tooLarge(size: number, limit: number): HttpError {
  return new PayloadTooLarge({ detail: `the body is at least ${size} bytes; the limit is ${limit}`, headers: { connection: 'close' } });
}
