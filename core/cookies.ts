/** Parses a `Cookie` request header into a name → value map; the first occurrence of a name wins (RFC 6265 §5.4). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header) return out;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (name === '' || name in out) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out[name] = safeDecode(value);
  }
  return out;
}

function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CookieOptions {
  domain?: string | undefined;
  path?: string | undefined;
  expires?: Date | undefined;
  maxAge?: number | undefined;
  httpOnly?: boolean | undefined;
  secure?: boolean | undefined;
  sameSite?: 'Strict' | 'Lax' | 'None' | undefined;
  partitioned?: boolean | undefined;
}

export interface Cookie extends CookieOptions {
  name: string;
  value: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Serializes a cookie for a `Set-Cookie` header. The value is percent-encoded. */
export function serializeCookie(cookie: Cookie): string {
  if (!TOKEN.test(cookie.name)) throw new TypeError(`invalid cookie name: ${JSON.stringify(cookie.name)}`);
  let out = `${cookie.name}=${encodeURIComponent(cookie.value)}`;
  if (cookie.domain) out += `; Domain=${cookie.domain}`;
  if (cookie.path) out += `; Path=${cookie.path}`;
  if (cookie.expires) out += `; Expires=${cookie.expires.toUTCString()}`;
  if (cookie.maxAge !== undefined) out += `; Max-Age=${Math.floor(cookie.maxAge)}`;
  if (cookie.httpOnly) out += '; HttpOnly';
  if (cookie.secure) out += '; Secure';
  if (cookie.sameSite) out += `; SameSite=${cookie.sameSite}`;
  if (cookie.partitioned) out += '; Partitioned';
  return out;
}

