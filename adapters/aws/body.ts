import { BadRequest } from 'carve';
import type { CarveResponse } from 'carve/adapter';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An event body: text as it came, or the bytes of a base64 one; bad base64 is a 400, never a crash. */
export function eventBody(body: unknown, isBase64Encoded: unknown): Uint8Array | string | undefined {
  if (body === null || body === undefined || body === '') return undefined;
  if (typeof body !== 'string') throw new BadRequest('the event body is not a string');
  if (!isBase64Encoded) return body;
  const compact = body.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new BadRequest('the event body is marked isBase64Encoded but is not valid base64');
  return Buffer.from(compact, 'base64');
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql)\b|image\/svg\+xml\b|[^;]+[+/](json|xml)\b)/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Writes the response body into a Lambda result, as text or base64: base64 whenever the body is compressed (any
 * content-encoding but identity) or its media type is not text-like (images, PDFs, octet-stream, fonts, audio,
 * video); text otherwise. It writes into the result rather than returning a pair: one object less per request.
 */
export function writeResultBody(result: { body: string; isBase64Encoded: boolean }, response: CarveResponse, binaryTypes: readonly string[]): void {
  const body = response.body;
  result.isBase64Encoded = false;
  if (body === undefined) {
    result.body = '';
    return;
  }
  if (typeof body === 'string' && response.headers['content-encoding'] === undefined && binaryTypes.length === 0) {
    result.body = body;
    return;
  }
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const compressed = encoding !== undefined && encoding !== '' && encoding !== 'identity';
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const forcedBinary = binaryTypes.includes(type);
  if (typeof body === 'string' && !compressed && !forcedBinary) {
    result.body = body;
    return;
  }
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = !compressed && !forcedBinary && TEXT_TYPES.test(type) ? decodeUtf8(bytes) : undefined;
  if (text !== undefined) {
    result.body = text;
    return;
  }
  result.body = bytes.toString('base64');
  result.isBase64Encoded = true;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
