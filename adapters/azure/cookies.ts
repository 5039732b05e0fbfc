import type { Cookie } from '@azure/functions';
import { parseString } from 'set-cookie-parser';

const SAME_SITE: Record<string, Cookie['sameSite']> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/**
 * A `Set-Cookie` string as an Azure cookie object. Azure keeps only the last `Set-Cookie` header, so
 * every cookie must travel in `cookies[]`; values are kept exactly (`a=b==` stays `a=b==`).
 */
export function toAzureCookie(setCookie: string): Cookie {
  const parsed = parseString(setCookie, { decodeValues: false });
  if (!parsed) throw new TypeError(`not a Set-Cookie value: ${JSON.stringify(setCookie.slice(0, 40))}`);
  const cookie: Cookie = { name: parsed.name, value: parsed.value };
  if (parsed.domain) cookie.domain = parsed.domain;
  if (parsed.path) cookie.path = parsed.path;
  if (parsed.expires) cookie.expires = parsed.expires;
  if (parsed.maxAge !== undefined) cookie.maxAge = parsed.maxAge;
  if (parsed.secure) cookie.secure = true;
  if (parsed.httpOnly) cookie.httpOnly = true;
  const sameSite = parsed.sameSite && SAME_SITE[parsed.sameSite.toLowerCase()];
  if (sameSite) cookie.sameSite = sameSite;
  return cookie;
}
