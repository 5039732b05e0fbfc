import type { Principal } from 'carve';

const NAME_ID = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';

interface StaticWebAppsPrincipal {
  identityProvider: string;
  userId: string;
  userDetails?: string | undefined;
  userRoles?: string[] | undefined;
}

interface AppServicePrincipal {
  auth_typ?: string | undefined;
  name_typ?: string | undefined;
  role_typ?: string | undefined;
  claims?: { typ: string; val: string }[] | undefined;
}

/** What `x-ms-client-principal` says: nobody (absent), a caller, or why it cannot be read. */
export type ClientPrincipal = { principal: Principal } | { invalid: string } | undefined;

/**
 * Decodes `x-ms-client-principal` (base64 JSON), set by Static Web Apps (`identityProvider`, `userId`,
 * `userRoles`) or App Service authentication (`claims[]`). A header that is present but not one of those exactly
 * (not JSON, `null`, roles that are not strings, an empty user id) is `invalid`: the caller gets a 401, never a
 * crash or an anonymous pass.
 */
export function clientPrincipal(headers: Record<string, string>): ClientPrincipal {
  const encoded = headers['x-ms-client-principal'];
  if (encoded === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return { invalid: 'x-ms-client-principal is not base64-encoded JSON' };
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return { invalid: 'x-ms-client-principal is not an object' };
  const swa = decoded as Partial<StaticWebAppsPrincipal>;
  if ('identityProvider' in decoded || 'userId' in decoded) {
    if (!nonEmpty(swa.identityProvider) || !nonEmpty(swa.userId)) return { invalid: 'x-ms-client-principal has no identityProvider or userId' };
    if (swa.userRoles !== undefined && !(Array.isArray(swa.userRoles) && swa.userRoles.every((r) => typeof r === 'string'))) {
      return { invalid: 'x-ms-client-principal userRoles is not a list of strings' };
    }
    return { principal: { sub: swa.userId, roles: (swa.userRoles ?? []).filter((r) => r !== 'anonymous'), scheme: 'azure-static-web-apps', claims: { ...swa } } };
  }
  const { claims, role_typ: roleTyp } = decoded as AppServicePrincipal;
  if (!Array.isArray(claims)) return { invalid: 'x-ms-client-principal has neither a userId nor claims' };
  if (!claims.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as { typ?: unknown }).typ === 'string' && typeof (c as { val?: unknown }).val === 'string')) {
    return { invalid: 'x-ms-client-principal claims are not { typ, val } strings' };
  }
  const roleType = typeof roleTyp === 'string' ? roleTyp : ROLE;
  const sub = headers['x-ms-client-principal-id'] ?? claims.find((c) => c.typ === NAME_ID)?.val;
  if (!nonEmpty(sub)) return { invalid: 'x-ms-client-principal names no user' };
  return {
    principal: {
      sub,
      roles: claims.filter((c) => c.typ === roleType || c.typ === 'roles').map((c) => c.val),
      scheme: 'azure-app-service',
      claims: Object.fromEntries(claims.map((c) => [c.typ, c.val])),
    },
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
