// What may stand unescaped in a path (RFC 3986 pchar plus "/").
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const NEEDS_ENCODING = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

const ENCODED = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * HTTP API delivers `rawPath` percent-decoded (live captures); emulators such as serverless-offline
 * deliver it encoded. A path made only of safe characters and well-formed escapes is taken as encoded;
 * anything else is encoded again, so the router decodes exactly once and a decoded `?`, `#` or `%`
 * stays part of the path. (Ambiguous only for a client that sent `%25` followed by two hex digits.)
 */
export function encodePath(path: string): string {
  // Most paths are safe characters only: a scan of the table answers those without a regular expression.
  if (onlySafe(path) || ENCODED.test(path)) return path;
  return encodeDecodedPath(path);
}

// SAFE[c] is 1 for the ASCII characters of PATH_SAFE.
const SAFE = new Uint8Array(128);
for (let c = 0; c < 128; c++) SAFE[c] = PATH_SAFE.test(String.fromCharCode(c)) ? 1 : 0;

function onlySafe(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code >= 128 || SAFE[code] === 0) return false;
  }
  return true;
}

function encodeDecodedPath(decoded: string): string {
  if (!NEEDS_ENCODING.test(decoded)) return decoded;
  let out = '';
  for (const char of decoded) out += PATH_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}
