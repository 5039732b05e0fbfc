import { jwtAuth } from 'carve';

export const ISSUER = 'gradebook';
export const AUDIENCE = 'gradebook-api';

/** Demo only: set GRADEBOOK_JWT_SECRET (or use GRADEBOOK_JWKS_URL) anywhere real. */
const DEMO_SECRET = 'gradebook-demo-secret-not-for-production';
export const secret = () => process.env['GRADEBOOK_JWT_SECRET'] ?? DEMO_SECRET;

/** Verifies tokens from a JWKS endpoint when GRADEBOOK_JWKS_URL is set, else with the shared secret. */
export function gradebookAuth() {
  const jwksUrl = process.env['GRADEBOOK_JWKS_URL'];
  return jwksUrl
    ? jwtAuth({ jwksUrl, issuer: ISSUER, audience: AUDIENCE })
    : jwtAuth({ secret: secret(), issuer: ISSUER, audience: AUDIENCE });
}
