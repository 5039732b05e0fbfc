import { definingModule } from './source.js';
import { Token, type AnyToken } from './token.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// On the token itself, under a registered symbol: the build reads it from tokens of an app it loaded in a module
// scope of its own (another copy of this module), where a WeakMap of this copy would know none of them.
const SECRET_NAME = Symbol.for('carve.secret');

/**
 * A secret the app reads when it runs, as a token to inject: its value is the environment variable of that name.
 * `carve.config.ts` `secrets` says where each target keeps it (SSM Parameter Store or Secrets Manager, Key Vault),
 * and the platform puts it in the environment of the units whose handlers reach the token, and only theirs;
 * under `carve dev` it comes from `.env`. Read once, when first injected.
 *
 * @example
 * export const StripeKey = secret('STRIPE_KEY');
 * handler({ method: 'POST', path: '/payments', inject: { key: StripeKey } }, ({ body }, { key }) => charge(key, body));
 */
export function secret(name: string): Token<string> {
  if (!NAME.test(name)) throw new TypeError(`secret(${JSON.stringify(name)}): a secret is an environment variable name (letters, digits and _, not starting with a digit)`);
  const read = (): string => {
    const value = globalThis.process?.env?.[name];
    if (value === undefined || value === '') {
      throw new Error(`secret ${name} is not set: deployed, carve.config.ts secrets.${name} says where the platform reads it from; under carve dev, put it in .env`);
    }
    return value;
  };
  const created = new Token<string>(`secret ${name}`, { factory: read }, definingModule());
  Object.defineProperty(created, SECRET_NAME, { value: name });
  return created;
}

/** The environment variable a token made by `secret()` reads, if it is one. */
export function secretNameOf(t: AnyToken): string | undefined {
  const name = (t as unknown as Record<symbol, unknown>)[SECRET_NAME];
  return typeof name === 'string' ? name : undefined;
}
