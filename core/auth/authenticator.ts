import type { CarveRequest } from '../request.js';
import type { Principal } from './principal.js';

/** An OpenAPI 3.1 security scheme object. */
export type SecurityScheme = Record<string, unknown>;

/**
 * Establishes who is calling. Returns `undefined` when the request carries no credential of this
 * kind (so the next authenticator may try), and throws `Unauthorized` when it carries a bad one.
 */
export interface Authenticator {
  readonly scheme: string;
  authenticate(request: CarveRequest): Promise<Principal | undefined>;
  /** How the scheme appears in the OpenAPI document. */
  readonly securityScheme: SecurityScheme;
  /** What a gateway in front of the app can check itself, so a bad credential stops there (an HTTP API JWT authorizer). */
  readonly gateway?: GatewayAuth | undefined;
}

export interface GatewayAuth {
  /**
   * A JWT from an OpenID issuer (whose keys the gateway finds by discovery, `/.well-known/openid-configuration`), for
   * these audiences; the claim carve reads roles from when the gateway hands the claims on.
   */
  readonly jwt: { readonly issuer: string; readonly audience: readonly string[]; readonly rolesClaim: string };
}

/** Who may call a handler. `{ roles }` admits a caller holding any one of the roles. */
export type AuthPolicy = 'public' | 'authenticated' | { readonly roles: readonly string[] };

export function rolesFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return [];
}
