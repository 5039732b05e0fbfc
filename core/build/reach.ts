import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import type { AnyToken } from '../token.js';

/** The tokens handlers inject, and the tokens their providers (the app's registrations first) inject in turn. */
export function tokensReached(app: App, handlers: readonly Handler[]): Set<AnyToken> {
  const overrides = new Map(app.providers.map((r) => [r.token, r.provider]));
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
