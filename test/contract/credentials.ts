import { SignJWT, type JWTPayload } from 'jose';
import { AUDIENCE, ISSUER, secret } from '../../examples/gradebook/auth.js';
import type { Caller } from './cases/gradebook.js';

/** How the suite's tokens are signed: the issuer they name, a good signature, and a bad one under the same header. */
export interface TokenSigner {
  issuer: string;
  sign(claims: JWTPayload): Promise<string>;
  forge(claims: JWTPayload): Promise<string>;
}

const now = () => Math.floor(Date.now() / 1000);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (secret: string) => (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

/** The demo's: HS256 with the gradebook's shared secret (GRADEBOOK_JWT_SECRET, else the demo one). */
export const demoSigner = (): TokenSigner => ({
  issuer: ISSUER,
  sign: hs256(secret()),
  forge: hs256('not-the-secret-not-the-secret-not-the-secret'),
});

/** Signs one token per gradebook caller, good and bad, once per suite. */
export async function gradebookCredentials(signer: TokenSigner = demoSigner()): Promise<Record<Caller, Record<string, string>>> {
  const claims = (more: JWTPayload): JWTPayload => ({ sub: 'stu-grace', iss: signer.issuer, aud: AUDIENCE, roles: ['student'], iat: now(), exp: now() + 12 * 3600, ...more });
  const person = (sub: string, role: string) => signer.sign(claims({ sub, roles: [role] }));
  const tokens: Record<Caller, string> = {
    teacher: await person('tea-ada', 'teacher'),
    otherTeacher: await person('tea-alan', 'teacher'),
    student: await person('stu-grace', 'student'),
    otherStudent: await person('stu-linus', 'student'),
    expired: await signer.sign(claims({ iat: now() - 7200, exp: now() - 3600 })),
    notYetValid: await signer.sign(claims({ nbf: now() + 3600, exp: now() + 7200 })),
    wrongAudience: await signer.sign(claims({ aud: 'another-api', exp: now() + 600 })),
    algNone: `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims({ sub: 'tea-ada', roles: ['teacher'], exp: now() + 600 }))}.`,
    badSignature: await signer.forge(claims({ exp: now() + 600 })),
  };
  return Object.fromEntries(Object.entries(tokens).map(([who, jwt]) => [who, { authorization: `Bearer ${jwt}` }])) as unknown as Record<Caller, Record<string, string>>;
}
