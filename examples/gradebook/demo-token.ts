import { SignJWT } from 'jose';
import { AUDIENCE, ISSUER, secret } from './auth.js';

// Its own module, not auth.ts: every unit imports the app's auth, and only tests and `npm start` sign tokens,
// so a unit whose routes are all public carries no jose at all.
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
