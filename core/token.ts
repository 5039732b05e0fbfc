import type { CloudResource } from './resource.js';
import { definingModule } from './source.js';

/**
 * How long a provided instance lives: one per app (`singleton`, the default), one per request
 * (`request`), or a new one at every injection (`transient`).
 */
export type Lifetime = 'singleton' | 'request' | 'transient';

// `any`, not `unknown`: a provider's `dispose(instance: T)` makes Token<T> invariant in T.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyToken = Token<any>;

/** A map of names to tokens, as in `inject: { grades: GradeRepo }`. */
export type Deps = Readonly<Record<string, AnyToken>>;

/** The values a `Deps` map resolves to. */
export type Resolved<D extends Deps> = { [K in keyof D]: D[K] extends Token<infer T> ? T : never };

export type Provider<T, D extends Deps = Deps> =
  | { readonly value: T }
  | {
      readonly inject?: D | undefined;
      readonly factory: (deps: Resolved<D>) => T;
      readonly lifetime?: Lifetime | undefined;
      /** Called by `app.close()` on each instance this provider built. */
      readonly dispose?: ((instance: T) => void | Promise<void>) | undefined;
      /** The cloud resources it uses (`resource(name, access)`): the units that reach it get that access. */
      readonly uses?: readonly CloudResource[] | undefined;
    };

/**
 * A typed DI key. It may carry its default provider, so importing the code that injects it
 * brings in exactly that provider and nothing else (the way Angular's `InjectionToken` does).
 *
 * @example
 * export const GradeRepo = token('GradeRepo', {
 *   inject: { db: Db },
 *   factory: ({ db }): GradeRepository => new SqlGradeRepository(db),
 * });
 */
export class Token<T> {
  /** The tsyringe injection token. */
  readonly key: symbol;
  declare readonly __type: T;

  /** The module that defined it; recorded only while `carve build` loads an app. */
  readonly source: string | undefined;

  constructor(
    readonly name: string,
    readonly provider?: Provider<T>,
    source?: string,
  ) {
    this.key = Symbol(name);
    this.source = source;
  }

  toString(): string {
    return `Token(${this.name})`;
  }
}

export function token<T>(name: string): Token<T>;
// D defaults to "no dependencies": a provider with `inject` lets TypeScript infer both T and D, so
// annotate the factory's return type (`factory: ({ db }): Repo => …`) rather than writing token<Repo>.
export function token<T, D extends Deps = Record<never, never>>(name: string, provider: Provider<T, D>): Token<T>;
export function token<T>(name: string, provider?: Provider<T>): Token<T> {
  return new Token<T>(name, provider, definingModule());
}

/** An app-level registration that replaces a token's default provider (tests, per-target implementations). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Registration<T = any> {
  readonly token: Token<T>;
  readonly provider: Provider<T>;
  /** The module that called `provide()`; recorded only while `carve build` loads an app. */
  readonly source?: string | undefined;
}

export function provide<T, D extends Deps = Deps>(target: Token<T>, provider: Provider<T, D>): Registration<T> {
  const source = definingModule();
  return { token: target, provider: provider as Provider<T>, ...(source ? { source } : {}) };
}
