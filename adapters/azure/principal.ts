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

/**
 * Decodes `x-ms-client-principal` (base64 JSON), set by Static Web Apps (`identityProvider`, `userId`,
 * `userRoles`) or App Service authentication (`claims[]`). `undefined` when absent or unreadable.
 */
export function clientPrincipal(headers: Record<string, string>): Principal | undefined {
  const encoded = headers['x-ms-client-principal'];
  if (!encoded) return undefined;
  let decoded: StaticWebAppsPrincipal & AppServicePrincipal;
  try {
    decoded = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof decoded.identityProvider === 'string' && typeof decoded.userId === 'string') {
    return {
      sub: decoded.userId,
      roles: (decoded.userRoles ?? []).filter((r) => r !== 'anonymous'),
      scheme: 'azure-static-web-apps',
      claims: { ...decoded },
    };
  }
  if (Array.isArray(decoded.claims)) {
    const roleType = decoded.role_typ ?? ROLE;
    const sub = headers['x-ms-client-principal-id'] ?? decoded.claims.find((c) => c.typ === NAME_ID)?.val;
    if (!sub) return undefined;
    return {
      sub,
      roles: decoded.claims.filter((c) => c.typ === roleType || c.typ === 'roles').map((c) => c.val),
      scheme: 'azure-app-service',
      claims: Object.fromEntries(decoded.claims.map((c) => [c.typ, c.val])),
    };
  }
  return undefined;
}
