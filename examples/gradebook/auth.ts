import { jwtAuth } from 'carve';
import { SignJWT } from 'jose';

export const ISSUER = 'gradebook';
export const AUDIENCE = 'gradebook-api';

/** Demo only: set GRADEBOOK_JWT_SECRET (or use GRADEBOOK_JWKS_URL) anywhere real. */
const DEMO_SECRET = 'gradebook-demo-secret-not-for-production';
const secret = () => process.env['GRADEBOOK_JWT_SECRET'] ?? DEMO_SECRET;

/** Verifies tokens from a JWKS endpoint when GRADEBOOK_JWKS_URL is set, else with the shared secret. */
export function gradebookAuth() {
  const jwksUrl = process.env['GRADEBOOK_JWKS_URL'];
  return jwksUrl
    ? jwtAuth({ jwksUrl, issuer: ISSUER, audience: AUDIENCE })
    : jwtAuth({ secret: secret(), issuer: ISSUER, audience: AUDIENCE });
}

/** Signs a demo token for a seeded person. */
export function demoToken(sub: string, role: 'teacher' | 'student', expiresIn = '12h'): Promise<string> {
  return new SignJWT({ roles: [role] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret()));
}
