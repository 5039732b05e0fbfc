import { SignJWT } from 'jose';
import { AUDIENCE, ISSUER } from '../../examples/gradebook/auth.js';
import { demoToken } from '../../examples/gradebook/demo-token.js';
import type { Caller } from './cases/gradebook.js';

const now = () => Math.floor(Date.now() / 1000);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (claims: Record<string, unknown>, secret: string) =>
  new SignJWT({ sub: 'stu-grace', iss: ISSUER, aud: AUDIENCE, roles: ['student'], ...claims })
    .setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
const demoSecret = () => process.env['GRADEBOOK_JWT_SECRET'] ?? 'gradebook-demo-secret-not-for-production';

/** Signs one token per gradebook caller, good and bad, once per suite. */
export async function gradebookCredentials(): Promise<Record<Caller, Record<string, string>>> {
  const tokens: Record<Caller, string> = {
    teacher: await demoToken('tea-ada', 'teacher'),
    otherTeacher: await demoToken('tea-alan', 'teacher'),
    student: await demoToken('stu-grace', 'student'),
    otherStudent: await demoToken('stu-linus', 'student'),
    expired: await sign({ iat: now() - 7200, exp: now() - 3600 }, demoSecret()),
    notYetValid: await sign({ nbf: now() + 3600, exp: now() + 7200 }, demoSecret()),
    wrongAudience: await sign({ aud: 'another-api', exp: now() + 600 }, demoSecret()),
    algNone: `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'tea-ada', iss: ISSUER, aud: AUDIENCE, roles: ['teacher'], exp: now() + 600 })}.`,
    badSignature: await sign({ exp: now() + 600 }, 'not-the-secret-not-the-secret-not-the-secret'),
  };
  return Object.fromEntries(Object.entries(tokens).map(([who, jwt]) => [who, { authorization: `Bearer ${jwt}` }])) as unknown as Record<Caller, Record<string, string>>;
}
