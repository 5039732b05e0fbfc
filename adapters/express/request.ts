import type { Request } from 'express';
import { stringifyQuery, type IncomingRequest } from 'carve/adapter';
import { nodeIncoming, readNodeBody } from 'carve/adapter/node';

/** Maps an Express request to carve's incoming request; the body is read only if a carve route matches. */
export function toIncoming(req: Request): IncomingRequest {
  return {
    ...nodeIncoming(req),
    // Express may have rewritten req.url for a mount; the path is matched as the mounted router sees it.
    readBody: (limit) => (req.readableEnded || req.body !== undefined ? alreadyParsed(req) : readNodeBody(req, limit)),
    // req.ip honours Express's "trust proxy" setting; by default it is the socket peer, never X-Forwarded-For.
    sourceIp: req.ip ?? req.socket.remoteAddress ?? '',
  };
}

// Another middleware (express.json(), express.raw()) may have consumed the stream already.
function alreadyParsed(req: Request): Uint8Array | undefined {
  const body: unknown = req.body;
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (req.is('application/x-www-form-urlencoded')) return Buffer.from(stringifyQuery(body as Record<string, string>));
  return Buffer.from(JSON.stringify(body));
}
