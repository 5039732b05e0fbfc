import { jwtAuth } from 'carve';

/** The tokens' issuer: GRADEBOOK_ISSUER (your identity provider's https URL, with GRADEBOOK_JWKS_URL), else the demo's. */
export const ISSUER = process.env['GRADEBOOK_ISSUER'] ?? 'gradebook';
export const AUDIENCE = 'gradebook-api';

/** Demo only: set GRADEBOOK_JWT_SECRET (or use GRADEBOOK_JWKS_URL) anywhere real. */
const DEMO_SECRET = 'gradebook-demo-secret-not-for-production';
export const secret = () => process.env['GRADEBOOK_JWT_SECRET'] ?? DEMO_SECRET;

/**
 * Verifies tokens from a JWKS endpoint when GRADEBOOK_JWKS_URL is set, else with the shared secret. With a JWKS and an
 * https GRADEBOOK_ISSUER, `carve build --target aws` puts the HTTP API's JWT authorizer in front of the guarded routes.
 */
export function gradebookAuth() {
  const jwksUrl = process.env['GRADEBOOK_JWKS_URL'];
  return jwksUrl
    ? jwtAuth({ jwksUrl, issuer: ISSUER, audience: AUDIENCE })
    : jwtAuth({ secret: secret(), issuer: ISSUER, audience: AUDIENCE });
}
