import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from './errors.js';
import { parseQuery } from './query.js';
import type { CarveRequest } from './request.js';

export const DEFAULT_BODY_LIMIT = 6 * 1024 * 1024;
export const DEFAULT_JSON_DEPTH = 64;
export const DEFAULT_ACCEPTS = ['application/json', 'application/x-www-form-urlencoded'] as const;

export function assertWithinLimit(request: CarveRequest, limit: number): void {
  const size = request.byteLength;
  if (size > limit) throw new PayloadTooLarge({ detail: `the body is ${size} bytes; the limit is ${limit}` });
}

/**
 * Parses the body by its media type: JSON (`application/json`, `*+json`), urlencoded forms, `text/*`
 * as a string, anything else as bytes. A media type the handler does not accept is a 415.
 */
export function parseBody(request: CarveRequest, accepts: readonly string[], jsonDepth = DEFAULT_JSON_DEPTH): unknown {
  if (request.byteLength === 0) return undefined;
  const type = request.contentType;
  if (!accepts.some((pattern) => mediaTypeMatches(pattern, type))) {
    throw new UnsupportedMediaType({
      detail: `expected ${accepts.join(' or ')}, got ${type === '' ? 'no content-type' : type}`,
      headers: { 'accept-post': accepts.join(', ') },
    });
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    const text = request.text;
    const depth = nestingDepth(text);
    if (depth > jsonDepth) throw new BadRequest(`the JSON body is nested ${depth} levels deep; the limit is ${jsonDepth}`);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new BadRequest(`malformed JSON: ${(error as Error).message}`);
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { ...parseQuery(request.text) };
  if (type.startsWith('text/')) return request.text;
  return request.body;
}

/** `application/json` matches itself; `text/*` matches any text type; `*\/*` matches anything. */
export function mediaTypeMatches(pattern: string, type: string): boolean {
  if (pattern === '*/*') return true;
  if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** How deeply arrays and objects nest in a JSON text, found by one scan that skips strings (before parsing it). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
