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

/** A body Lambda must carry as base64: bytes that are not text, or are compressed. */
export interface Base64Body {
  base64: string;
}
export type ResultBody = string | Base64Body;

/**
 * The response body for a Lambda result, as text or base64: base64 whenever the body is compressed (any
 * content-encoding but identity) or its media type is not text-like (images, PDFs, octet-stream, fonts, audio,
 * video); text otherwise. Text is returned as the string itself: the common case allocates nothing.
 */
export function resultBody(response: CarveResponse, binaryTypes: readonly string[]): ResultBody {
  const body = response.body;
  if (body === undefined) return '';
  if (typeof body === 'string' && response.headers['content-encoding'] === undefined && binaryTypes.length === 0) return body;
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const compressed = encoding !== undefined && encoding !== '' && encoding !== 'identity';
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const forcedBinary = binaryTypes.includes(type);
  if (typeof body === 'string' && !compressed && !forcedBinary) return body;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = !compressed && !forcedBinary && TEXT_TYPES.test(type) ? decodeUtf8(bytes) : undefined;
  return text ?? { base64: bytes.toString('base64') };
}

/** A result body's `body` field. */
export const bodyText = (body: ResultBody): string => (typeof body === 'string' ? body : body.base64);
/** A result body's `isBase64Encoded` field. */
export const isBase64 = (body: ResultBody): boolean => typeof body !== 'string';

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
