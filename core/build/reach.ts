import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import { widerAccess, type Access } from '../resource.js';
import type { AnyToken } from '../token.js';

/** The tokens handlers inject, and the tokens their providers (the app's registrations first) inject in turn. */
export function tokensReached(app: App, handlers: readonly Handler[]): Set<AnyToken> {
  const overrides = providers(app);
  const found = new Set<AnyToken>();
  const visit = (token: AnyToken) => {
    if (found.has(token)) return;
    found.add(token);
    const provider = overrides.get(token) ?? token.provider;
    if (provider && 'inject' in provider) for (const dep of Object.values(provider.inject ?? {})) visit(dep);
  };
  for (const h of handlers) for (const token of Object.values(h.spec.inject ?? {})) visit(token);
  return found;
}

/** The cloud resources the providers of those tokens use, by name, with the widest access any of them needs. */
export function resourcesReached(app: App, handlers: readonly Handler[]): Map<string, Access> {
  const overrides = providers(app);
  const found = new Map<string, Access>();
  for (const token of tokensReached(app, handlers)) {
    const provider = overrides.get(token) ?? token.provider;
    const uses = provider && 'uses' in provider ? provider.uses ?? [] : [];
    for (const { name, access } of uses) found.set(name, found.has(name) ? widerAccess(found.get(name)!, access) : access);
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

function providers(app: App) {
  return new Map(app.providers.map((r) => [r.token, r.provider]));
}
