import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradebookCases, type Caller } from '../contract/cases/gradebook.js';
import { gradebookCredentials, type TokenSigner } from '../contract/credentials.js';
import { runCases } from '../contract/run.js';
import { httpClient } from '../contract/client.js';
import { removeDir, ROOT, scratchDir, viaOslsOffline } from './shapes.js';

// The gradebook as a team deploys it with an identity provider: tokens from a JWKS (served here on loopback) with an
// https issuer, so `carve build` puts the HTTP API's JWT authorizer in front of every guarded route; its serverless.yml
// served by `osls offline` with that authorizer on. The contract suite runs through it: a token the gateway refuses
// never reaches a function, so those cases get the gateway's answer (`aws-jwt-authorizer` in the cases).
const ISSUER = 'https://login.gradebook.test/';
const KID = 'gradebook-test-key';
// serverless-offline checks a token's expiry, issuer and audience, and nothing else; API Gateway checks these too.
const EMULATOR_GAPS = new Map([
  ['not-yet-valid token → 401', 'serverless-offline does not check nbf (API Gateway does)'],
  ['alg:none token → 401', 'serverless-offline does not verify JWT signatures (API Gateway does)'],
  ['badly signed token → 401', 'serverless-offline does not verify JWT signatures (API Gateway does)'],
  // As in the HTTP API matrix (parity.test.ts):
  ['a CORS preflight from an allowed origin', 'serverless-offline answers OPTIONS itself'],
  ['a CORS preflight from another origin gets no grant', 'serverless-offline answers OPTIONS itself'],
  ['an encoded dot segment is not resolved: /courses/%2e%2e/students is no route', 'serverless-offline (hapi) resolves %2e%2e dot segments'],
]);

const scratch = scratchDir();
let jwks: Server;
let credentials: Record<Caller, Record<string, string>>;
let running: Awaited<ReturnType<typeof viaOslsOffline>>;

beforeAll(async () => {
  const rs256 = async () => generateKeyPair('RS256');
  const [key, other] = [await rs256(), await rs256()];
  const publicJwk = { ...await exportJWK(key.publicKey), kid: KID, alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const environment = {
    GRADEBOOK_JWKS_URL: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/.well-known/jwks.json`,
    GRADEBOOK_ISSUER: ISSUER,
    GRADEBOOK_DB: join(scratch, 'jwt.db'),
  };
  // The build loads the app in a module scope of its own, so it sees this environment; so do the functions.
  Object.assign(process.env, environment);
  const signWith = (privateKey: Parameters<SignJWT['sign']>[0]) => (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(privateKey);
  const signer: TokenSigner = { issuer: ISSUER, sign: signWith(key.privateKey), forge: signWith(other.privateKey) };
  credentials = await gradebookCredentials(signer);
  running = await viaOslsOffline(join(ROOT, 'examples/gradebook/app.ts'), 'microservices', scratch, { environment, jwtAuthorizers: true });
}, 180_000);

afterAll(async () => {
  await running?.stop();
  jwks?.close();
  for (const name of ['GRADEBOOK_JWKS_URL', 'GRADEBOOK_ISSUER', 'GRADEBOOK_DB']) delete process.env[name];
  removeDir(scratch);
});

describe('gradebook, microservices, HTTP API JWT authorizer under osls offline', () => {
  it('refuses a missing or expired token at the gateway, before any function runs', async () => {
    const client = httpClient(running.url);
    for (const headers of [{}, credentials.expired, credentials.wrongAudience]) {
      const refused = await client({ method: 'GET', url: '/me', headers });
      expect(refused.status).toBe(401);
      // No function answered: carve's answers carry a request id and a problem+json body.
      expect(refused.headers['x-request-id']).toBeUndefined();
      expect(refused.headers['content-type']).not.toMatch(/problem\+json/);
    }
    expect((await client({ method: 'GET', url: '/me', headers: credentials.teacher })).status).toBe(200);
  });
  runCases(gradebookCases, () => running.client, () => credentials, undefined, EMULATOR_GAPS, 'aws-jwt-authorizer');
});
