import type { MultiMap, StringMap } from './events.js';

/**
 * Lower-cases header names and merges duplicates. Multi-value headers win over single ones (REST v1's
 * `headers` keeps only the last repeated value); repeated values are joined with `, `, cookies with `; `.
 * A map that is lower-cased strings already (HTTP API, Function URLs) is returned as it is, the event's own:
 * a caller that adds to it copies it first.
 */
export function mergeHeaders(single: StringMap, multi: MultiMap): Record<string, string> {
  // Events come from outside: maps that are not objects, and values that are not strings, are skipped.
  if (isMap(multi)) {
    const out: Record<string, string> = {};
    for (const name in multi) {
      const values = multi[name];
      if (Array.isArray(values)) for (const value of values) if (typeof value === 'string') addHeader(out, name, value);
    }
    return out;
  }
  if (!isMap(single)) return {};
  // The map as it came when it can be: the common case then allocates nothing.
  if (lowerCaseSize(single) !== -1) return single as Record<string, string>;
  const out: Record<string, string> = {};
  for (const name in single) {
    const value = single[name];
    if (typeof value === 'string') addHeader(out, name, value);
  }
  return out;
}

/**
 * The size of a map of lower-case names and string values as the header limit counts it (each name and value, plus 4
 * bytes), or -1 for anything else: the one pass over an HTTP API event's headers checks them and counts them.
 */
export function lowerCaseSize(map: unknown): number {
  if (!isMap(map)) return -1;
  let at = 0;
  let same = true;
  let size = 0;
  for (const name in map) {
    const value = map[name];
    if (typeof value !== 'string') return -1;
    size += name.length + value.length + 4;
    // The names of one API's events repeat, in order, and JSON.parse interns them: one comparison of references.
    if (same && lastLowerNames[at] === name) {
      at++;
      continue;
    }
    same = false;
    if (lowerCase(name) !== name) return -1;
    at++;
  }
  if (!same || at !== lastLowerNames.length) lastLowerNames = Object.keys(map);
  return size;
}

// The names of the last map found lower case, in its order.
let lastLowerNames: string[] = [];

// Header names repeat from one invocation to the next, and String#toLowerCase (or a scan of the characters) is most of
// what checking them costs; a bounded map of the names seen (so odd names cannot grow it) answers in a hash lookup.
const lowered = new Map<string, string>();

function lowerCase(name: string): string {
  let lower = lowered.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowered.size < 256) lowered.set(name, lower);
  }
  return lower;
}

function addHeader(out: Record<string, string>, name: string, value: string): void {
  const key = lowerCase(name);
  const prev = out[key];
  out[key] = prev === undefined ? value : `${prev}${key === 'cookie' ? '; ' : ', '}${value}`;
}

// Hop-by-hop headers describe one connection; API Gateway and ALB frame the response themselves.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authenticate', 'proxy-authorization']);
// Their lengths: most names a response has (content-type and x-request-id are 12) are no hop-by-hop length, and
// comparing a length is cheaper than hashing the name for the set.
const HOP_BY_HOP_LENGTH = new Set([...HOP_BY_HOP].map((name) => name.length));
const hopByHopLength: boolean[] = Array.from({ length: 1 + Math.max(...HOP_BY_HOP_LENGTH) }, (_, n) => HOP_BY_HOP_LENGTH.has(n));

/** The response's headers for the platform (the response is this invocation's own, so it is not copied). */
export function responseHeaders(headers: Record<string, string>): Record<string, string> {
  // A response has a few headers and there are eight hop-by-hop names: look its names up, not the eight in it.
  for (const name in headers) if (hopByHopLength[name.length] === true && HOP_BY_HOP.has(name)) delete headers[name];
  return headers;
}

/** The client's address behind an ALB: the last X-Forwarded-For hop (the one the ALB added), never the first. */
export function lastForwardedFor(headers: Record<string, string>): string {
  const hops = headers['x-forwarded-for']?.split(',').map((h) => h.trim()).filter(Boolean);
  return hops?.at(-1) ?? '';
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of an event, or undefined when it is anything else. */
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A query map from an event, with only string (or string array) values kept. */
export function queryMap(value: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  if (!isMap(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') out[key] = v;
    else if (Array.isArray(v)) out[key] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
