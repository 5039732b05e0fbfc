import { Unauthorized } from '../errors.js';
import type { CarveRequest } from '../request.js';
import type { Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';

export interface ApiKeyIdentity {
  sub: string;
  roles?: string[] | undefined;
}

export interface ApiKeyAuthOptions {
  /** The header carrying the key. Default `x-api-key`. */
  header?: string | undefined;
  /** Each accepted key and who it identifies. */
  keys: Readonly<Record<string, ApiKeyIdentity>>;
}

/**
 * API-key authentication. Keys are compared as SHA-256 digests in constant time, against every
 * configured key, so neither the key's length nor its position leaks through timing.
 */
export function apiKeyAuth(options: ApiKeyAuthOptions): Authenticator {
  const header = (options.header ?? 'x-api-key').toLowerCase();
  const entries = Object.entries(options.keys);
  if (entries.length === 0) throw new TypeError('apiKeyAuth needs at least one key');
  let digests: Promise<[Uint8Array, ApiKeyIdentity][]> | undefined;
  const known = () => (digests ??= Promise.all(entries.map(async ([key, id]) => [await sha256(key), id] as [Uint8Array, ApiKeyIdentity])));

  return {
    scheme: 'api-key',
    securityScheme: { type: 'apiKey', in: 'header', name: header },
    async authenticate(request: CarveRequest): Promise<Principal | undefined> {
      const presented = request.headers[header];
      if (presented === undefined) return undefined;
      const digest = await sha256(presented);
      let match: ApiKeyIdentity | undefined;
      for (const [candidate, identity] of await known()) {
        if (constantTimeEqual(digest, candidate) && match === undefined) match = identity;
      }
      if (!match) throw new Unauthorized({ detail: 'invalid API key' });
      return { sub: match.sub, roles: match.roles ?? [], scheme: 'api-key', claims: { sub: match.sub } };
    },
  };
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Equal-length comparison with no early exit. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
