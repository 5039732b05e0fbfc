import { BadRequest } from './errors.js';

export type QueryValue = string | string[];
export type QueryRecord = Record<string, QueryValue>;

/**
 * Parses a raw query string (no leading `?`) the way HTML forms encode it: `+` is a space,
 * percent-escapes are decoded exactly once, a repeated key becomes an array in arrival order.
 * Malformed escapes are a 400, not a crash.
 */
export function parseQuery(raw: string): QueryRecord {
  const out: QueryRecord = Object.create(null);
  if (raw === '') return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeFormComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeFormComponent(part.slice(eq + 1));
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

export function decodeFormComponent(text: string): string {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new BadRequest(`malformed percent-encoding in query: ${JSON.stringify(text.slice(0, 64))}`);
  }
}

/** Encodes a decoded query record back into a raw query string (used by adapters whose source decodes). */
export function stringifyQuery(query: Readonly<Record<string, QueryValue | undefined>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.join('&');
}

/**
 * Removes a base path only at a segment boundary: `/api` strips `/api/x` → `/x` and `/api` → `/`, never
 * `/apis/x`. Adapters use it for API Gateway base paths and Azure's route prefix.
 */
export function stripBasePath(path: string, base: string): string {
  if (base === '') return path;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (prefix === '') return path;
  if (path === prefix) return '/';
  if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
  return path;
}
