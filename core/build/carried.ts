import { relative, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import type { AnyToken } from '../token.js';
import { tokensReached } from './reach.js';
import { packageOf } from './weigh.js';

/** A unit as bundled: its handlers, and its bundle's modules with what each imports (esbuild's metafile). */
export interface CarryingUnit {
  name: string;
  handlers: readonly Handler[];
  inputs: Metafile['inputs'];
  /** The bundle's entry, as a key of `inputs`. */
  entry: string;
}

/**
 * What a unit carries that only other units need: the packages its bundle holds only because it imports the module
 * of a token (or of a registration) that its own handlers never inject, directly or through other tokens, but other
 * units' handlers do. Other units' handler modules are stubs already; this finds what comes in beside them (the
 * app module importing a token's module, say). One line per package.
 */
export function carriedForOthers(app: App, units: readonly CarryingUnit[], workingDir = process.cwd()): string[] {
  const overrides = new Map(app.providers.map((r) => [r.token, r]));
  const sourcesOf = (token: AnyToken) => [token.source, overrides.get(token)?.source].filter((s): s is string => s !== undefined);
  const needs = units.map((u) => tokensReached(app, u.handlers));
  const warnings: string[] = [];
  for (const [i, unit] of units.entries()) {
    const own = new Set([...needs[i]!].flatMap(sourcesOf));
    for (const h of unit.handlers) if (h.source) own.add(h.source);
    // Modules of tokens that other units inject and this one does not, by their metafile keys.
    const others = new Map<string, { tokens: Set<string>; units: Set<string> }>();
    for (const [j, other] of units.entries()) {
      if (j === i) continue;
      for (const t of needs[j]!) {
        for (const source of sourcesOf(t)) {
          if (own.has(source)) continue;
          const key = relative(workingDir, source);
          if (!(key in unit.inputs)) continue;
          const entry = others.get(key) ?? { tokens: new Set(), units: new Set() };
          entry.tokens.add(t.name);
          entry.units.add(other.name);
          others.set(key, entry);
        }
      }
    }
    // A module the unit's own handlers are reached through stays (the app module registering a provider, say).
    const ownKeys = [...own].map((source) => relative(workingDir, source)).filter((key) => key in unit.inputs);
    for (const key of others.keys()) {
      const without = reachable(unit.inputs, unit.entry, new Set([key]));
      if (ownKeys.some((k) => !without.has(k))) others.delete(key);
    }
    if (others.size === 0) continue;
    const packagesOf = (modules: Iterable<string>) => new Set([...modules].map((m) => packageOf(resolve(workingDir, m))).filter((p): p is string => p !== undefined));
    const kept = packagesOf(reachable(unit.inputs, unit.entry, new Set(others.keys())));
    const carried = [...packagesOf(reachable(unit.inputs, unit.entry, new Set()))].filter((pkg) => !kept.has(pkg)).sort();
    for (const pkg of carried) {
      const through = [...others.entries()].filter(([key]) => packagesOf(reachable(unit.inputs, key, new Set())).has(pkg));
      const modules = through.map(([key]) => key).sort();
      const tokens = [...new Set(through.flatMap(([, t]) => [...t.tokens]))].sort();
      const users = [...new Set(through.flatMap(([, t]) => [...t.units]))].sort();
      warnings.push(`${unit.name} carries ${pkg}, which only ${users.join(', ')} need${users.length === 1 ? 's' : ''}: it imports ${modules.join(', ')} (${tokens.join(', ')}), which none of its handlers inject; import ${modules.length === 1 ? 'that module' : 'those modules'} only from the handlers that use ${tokens.length === 1 ? 'it' : 'them'} (what the app module needs of ${modules.length === 1 ? 'it' : 'them'} can go in a module of its own)`);
    }
  }
  return warnings;
}

/** The modules reached from `from` through static and dynamic imports, without going through `cut`. */
function reachable(inputs: Metafile['inputs'], from: string, cut: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const module = queue.pop()!;
    if (seen.has(module) || cut.has(module) || !(module in inputs)) continue;
    seen.add(module);
    for (const imported of inputs[module]!.imports) if (!imported.external) queue.push(imported.path);
  }
  return seen;
}
