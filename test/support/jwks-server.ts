import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';

export interface JwksServer {
  /** Signs RS256 tokens whose `kid` is `k1`. */
  privateKey: CryptoKey;
  /** The matching public key as SPKI PEM, for `jwtAuth({ publicKey })`. */
  publicPem: string;
  /** A loopback URL serving `{ keys: [<public key as JWK, kid k1>] }`. */
  url: string;
  close(): Promise<void>;
}

/** A fresh RS256 key pair and a JWKS endpoint on 127.0.0.1 that publishes its public half. */
export async function startJwksServer(): Promise<JwksServer> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    privateKey: pair.privateKey,
    publicPem: await exportSPKI(pair.publicKey),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
