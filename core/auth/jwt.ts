import {
  createRemoteJWKSet, errors, importSPKI, jwtVerify,
  type CryptoKey, type JWTVerifyOptions, type JWTVerifyResult, type KeyObject,
} from 'jose';
import { HttpError, Unauthorized } from '../errors.js';
import type { CarveRequest } from '../request.js';
import { rolesFromClaims, type Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';

export interface JwtAuthOptions {
  /** A shared secret for HS256/384/512. */
  secret?: string | Uint8Array | undefined;
  /** A public key: a PEM SPKI string (needs `algorithms`) or a key object. */
  publicKey?: string | CryptoKey | KeyObject | undefined;
  /** A JWKS endpoint; keys are fetched, cached and rotated by `jose`. */
  jwksUrl?: string | URL | undefined;
  issuer?: string | string[] | undefined;
  audience?: string | string[] | undefined;
  /** Seconds (or a `jose` duration such as `'30s'`) of clock skew to accept. Default 5 s. */
  clockTolerance?: number | string | undefined;
  /** Accepted algorithms. Defaults: HS* for a secret, asymmetric ones for keys; never `none`. */
  algorithms?: string[] | undefined;
  /** The claim holding roles (an array or a space-separated string). Default `roles`. */
  rolesClaim?: string | undefined;
  /**
   * Whether a token must say when it expires (`exp`). Default true: a token without one would be valid forever.
   * `false` needs `maxTokenAge`, which then bounds such a token by its `iat`.
   */
  requireExpiry?: boolean | undefined;
  /** The oldest token accepted, by its `iat` (seconds or a `jose` duration such as `'12h'`); a token then needs `iat`. */
  maxTokenAge?: number | string | undefined;
}

const HMAC = ['HS256', 'HS384', 'HS512'];
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Bearer-token authentication. All verification is done by `jose`.
 *
 * @example
 * createApp({ handlers, auth: jwtAuth({ jwksUrl: process.env.JWKS_URL, issuer: 'gradebook', audience: 'api' }) });
 */
export function jwtAuth(options: JwtAuthOptions): Authenticator {
  const sources = [options.secret, options.publicKey, options.jwksUrl].filter((s) => s !== undefined);
  if (sources.length !== 1) throw new TypeError('jwtAuth needs exactly one of secret, publicKey or jwksUrl');
  const algorithms = options.algorithms ?? (options.secret !== undefined ? HMAC : ASYMMETRIC);
  if (algorithms.some((a) => a.toLowerCase() === 'none')) throw new TypeError('jwtAuth: the "none" algorithm is never accepted');
  const requireExpiry = options.requireExpiry ?? true;
  if (!requireExpiry && options.maxTokenAge === undefined) {
    throw new TypeError('jwtAuth: requireExpiry: false needs maxTokenAge (e.g. \'12h\'): a token without "exp" would otherwise be valid forever');
  }
  const rolesClaim = options.rolesClaim ?? 'roles';
  let verifier: Promise<Verify> | undefined;
  const getVerifier = () => (verifier ??= createVerifier(options, algorithms));

  return {
    scheme: 'jwt',
    securityScheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    ...gatewayCheck(options),
    async authenticate(request: CarveRequest): Promise<Principal | undefined> {
      const header = request.headers['authorization'];
      if (!header) return undefined;
      const [scheme, jwt, extra] = header.trim().split(/\s+/);
      if (scheme?.toLowerCase() !== 'bearer') return undefined;
      if (!jwt || extra !== undefined) throw invalid('malformed Authorization header');
      const verifyOptions = {
        algorithms,
        ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
        ...(options.audience === undefined ? {} : { audience: options.audience }),
        clockTolerance: options.clockTolerance ?? 5,
        ...(requireExpiry ? { requiredClaims: ['exp'] } : {}),
        ...(options.maxTokenAge === undefined ? {} : { maxTokenAge: options.maxTokenAge }),
      };
      try {
        const verify = await getVerifier();
        const { payload } = await verify(jwt, verifyOptions);
        if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('token has no "sub" claim');
        return { sub: payload.sub, roles: rolesFromClaims(payload, rolesClaim), scheme: 'jwt', claims: payload };
      } catch (error) {
        throw toAuthError(error);
      }
    },
  };
}

/**
 * Keys from a JWKS, one https issuer and an audience: what an API Gateway JWT authorizer checks too (it finds the
 * issuer's keys by OpenID discovery), so `carve build` puts one in front of the routes that need a principal.
 */
function gatewayCheck(options: JwtAuthOptions): Pick<Authenticator, 'gateway'> {
  const { jwksUrl, issuer, audience } = options;
  if (jwksUrl === undefined || typeof issuer !== 'string' || !issuer.startsWith('https://') || audience === undefined) return {};
  return { gateway: { jwt: { issuer, audience: typeof audience === 'string' ? [audience] : [...audience], rolesClaim: options.rolesClaim ?? 'roles' } } };
}

type Verify = (jwt: string, options: JWTVerifyOptions) => Promise<JWTVerifyResult>;

async function createVerifier(options: JwtAuthOptions, algorithms: string[]): Promise<Verify> {
  if (options.jwksUrl !== undefined) {
    const keySet = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    return (jwt, verifyOptions) => jwtVerify(jwt, keySet, verifyOptions);
  }
  const key = options.secret !== undefined
    ? (typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret)
    : typeof options.publicKey === 'string' ? await importSPKI(options.publicKey, algorithms[0]!) : options.publicKey!;
  return (jwt, verifyOptions) => jwtVerify(jwt, key, verifyOptions);
}

function invalid(description: string): HttpError {
  return new Unauthorized({
    detail: description,
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${description.replaceAll('"', "'")}"` },
  });
}

function toAuthError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof errors.JWTExpired) return invalid(error.claim === 'iat' ? 'token is older than the maximum token age' : 'token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return invalid(`token has no "${error.claim}" claim`);
    return invalid(error.claim === 'nbf' ? 'token not yet valid' : `token claim "${error.claim}" is invalid`);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isNetworkError(error)) {
    // Fail closed: no key set, no access.
    return new HttpError(503, { detail: 'the signing keys could not be fetched; try again later', cause: error, expose: true });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid('token algorithm not allowed');
  if (error instanceof errors.JWKSNoMatchingKey) return invalid('no key matches the token');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('token signature is invalid');
  if (error instanceof errors.JOSEError) return invalid('token is invalid');
  return invalid('token is invalid');
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
