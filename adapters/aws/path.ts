// What may stand unescaped in a path (RFC 3986 pchar plus "/").
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const NEEDS_ENCODING = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * HTTP API delivers `rawPath` percent-decoded. Encode it again, so the router decodes exactly once and a
 * decoded `?`, `#` or `%` stays part of the path.
 */
export function encodePath(decoded: string): string {
  if (!NEEDS_ENCODING.test(decoded)) return decoded;
  let out = '';
  for (const char of decoded) out += PATH_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}
