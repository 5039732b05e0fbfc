import type { DependencyContainer } from 'tsyringe';
// tsyringe needs the Reflect metadata API when it loads: ./reflect-metadata.js installs it, ./tsyringe.cjs loads
// tsyringe when called, below, after every import has run.
import './reflect-metadata.js';
import loadTsyringe from './tsyringe.cjs';
import type { Principal } from './auth/principal.js';
import type { Logger } from './log.js';
import type { CarveRequest } from './request.js';
import { token, type AnyToken, type Deps, type Lifetime, type Provider, type Registration } from './token.js';

const { container: globalContainer, instanceCachingFactory, instancePerContainerCachingFactory } = loadTsyringe();

/** The current request. */
export const RequestContext = token<CarveRequest>('RequestContext');
/** A logger bound to the current request id. */
export const Log = token<Logger>('Log');
/** The authenticated caller, or `undefined` on a public route. */
export const CurrentPrincipal = token<Principal | undefined>('CurrentPrincipal');

const REQUEST_TOKENS: ReadonlySet<AnyToken> = new Set<AnyToken>([RequestContext, Log, CurrentPrincipal]);

export interface RequestValues {
  request: CarveRequest;
  log: Logger;
  principal: Principal | undefined;
}

/** A dependency that cannot be satisfied, found by `app.validate()`. */
export interface DependencyProblem {
  /** The handler whose injection fails, e.g. `POST /grades (postGrade)`. */
  readonly handler: string;
  /** The tokens from the handler down to the failing one. */
  readonly chain: readonly string[];
  readonly token: string;
  readonly message: string;
}

type Scope = Lifetime | 'value';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValue = any;

/**
 * One root tsyringe container per app; providers are registered as lazy factories, so nothing is
 * constructed until first resolved. Request-scoped values live in a child container per request.
 */
export class Injector {
  readonly root: DependencyContainer;
  readonly #overrides = new Map<AnyToken, Provider<AnyValue>>();
  readonly #registered = new Set<AnyToken>();
  readonly #scopes = new Map<AnyToken, Scope>();
  readonly #disposers: (() => void | Promise<void>)[] = [];

  constructor(registrations: readonly Registration[] = []) {
    this.root = globalContainer.createChildContainer();
    for (const { token: t, provider } of registrations) {
      if (this.#overrides.has(t)) throw new TypeError(`${t.name} is registered twice in createApp({ providers })`);
      this.#overrides.set(t, provider);
    }
    for (const t of this.#overrides.keys()) this.#register(t, new Set());
  }

  providerOf(t: AnyToken): Provider<AnyValue> | undefined {
    return this.#overrides.get(t) ?? t.provider;
  }

  /** Registers every provider reachable from `deps` (lazily: nothing is constructed). */
  registerAll(deps: Deps): void {
    for (const t of Object.values(deps)) this.#register(t, new Set());
  }

  /** True when resolving `deps` needs the request's child container. */
  needsRequestScope(deps: Deps): boolean {
    return Object.values(deps).some((t) => {
      const scope = this.#scopeOf(t, new Set());
      return scope !== 'singleton' && scope !== 'value';
    });
  }

  resolve<D extends Deps>(deps: D, values?: RequestValues): Record<string, unknown> {
    const scope = values ? this.#child(values) : this.root;
    return resolveIn(scope, deps);
  }

  /** A request scope that outlives one call: several handlers of one request (a GraphQL operation) share it. */
  scope(values: RequestValues): (deps: Deps) => Record<string, unknown> {
    const child = this.#child(values);
    return (deps) => resolveIn(child, deps);
  }

  /** Finds missing providers, cycles and singletons that depend on request-scoped values. */
  check(handler: string, deps: Deps): DependencyProblem[] {
    const problems: DependencyProblem[] = [];
    const visit = (t: AnyToken, chain: string[]): void => {
      const path = [...chain, t.name];
      if (chain.includes(t.name)) {
        problems.push({ handler, chain: path, token: t.name, message: `${handler}: dependency cycle ${path.join(' → ')}` });
        return;
      }
      if (REQUEST_TOKENS.has(t)) return;
      const provider = this.providerOf(t);
      if (!provider) {
        problems.push({
          handler, chain: path, token: t.name,
          message: `${handler} needs ${path.join(' → ')}, but ${t.name} has no provider: give the token a default provider or register one with provide(${t.name}, …) in createApp({ providers })`,
        });
        return;
      }
      if ('value' in provider) return;
      const lifetime = provider.lifetime ?? 'singleton';
      for (const dep of Object.values(provider.inject ?? {})) {
        if (lifetime === 'singleton' && !chain.includes(dep.name) && this.#scopeOf(dep, new Set()) === 'request') {
          problems.push({
            handler, chain: [...path, dep.name], token: t.name,
            message: `${handler}: singleton ${t.name} depends on request-scoped ${dep.name}; make ${t.name} request-scoped or transient`,
          });
        }
        visit(dep, path);
      }
    };
    for (const t of Object.values(deps)) visit(t, []);
    return problems;
  }

  /** Disposes singletons in reverse order of construction. */
  async dispose(): Promise<void> {
    while (this.#disposers.length > 0) await this.#disposers.pop()!();
  }

  #child(values: RequestValues): DependencyContainer {
    const child = this.root.createChildContainer();
    child.registerInstance(RequestContext.key, values.request);
    child.registerInstance(Log.key, values.log);
    // tsyringe treats an undefined useValue as "no provider", so the principal goes through a factory.
    child.register(CurrentPrincipal.key, { useFactory: () => values.principal });
    return child;
  }

  #scopeOf(t: AnyToken, seen: Set<AnyToken>): Scope {
    const known = this.#scopes.get(t);
    if (known) return known;
    if (REQUEST_TOKENS.has(t)) return 'request';
    const provider = this.providerOf(t);
    if (!provider || seen.has(t)) return 'singleton';
    if ('value' in provider) return 'value';
    seen.add(t);
    const lifetime = provider.lifetime ?? 'singleton';
    const depsNeedRequest = Object.values(provider.inject ?? {}).some((d) => this.#scopeOf(d, seen) === 'request');
    const scope: Scope = lifetime === 'transient' && depsNeedRequest ? 'request' : lifetime;
    this.#scopes.set(t, scope);
    return scope;
  }

  #register(t: AnyToken, seen: Set<AnyToken>): void {
    if (this.#registered.has(t) || REQUEST_TOKENS.has(t) || seen.has(t)) return;
    seen.add(t);
    const provider = this.providerOf(t);
    if (!provider) return;
    this.#registered.add(t);
    if ('value' in provider) {
      this.root.register(t.key, { useFactory: () => provider.value });
      return;
    }
    const inject = provider.inject ?? {};
    for (const dep of Object.values(inject)) this.#register(dep, seen);
    const build = (c: DependencyContainer) => provider.factory(resolveIn(c, inject) as never);
    switch (provider.lifetime ?? 'singleton') {
      case 'singleton':
        this.root.register(t.key, {
          useFactory: instanceCachingFactory(() => {
            const instance = build(this.root);
            if (provider.dispose) this.#disposers.push(() => provider.dispose!(instance));
            return instance;
          }),
        });
        break;
      case 'request':
        this.root.register(t.key, { useFactory: instancePerContainerCachingFactory(build) });
        break;
      case 'transient':
        this.root.register(t.key, { useFactory: build });
        break;
    }
  }
}

function resolveIn(scope: DependencyContainer, deps: Deps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in deps) out[name] = scope.resolve(deps[name]!.key);
  return out;
}
