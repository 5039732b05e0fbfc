import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import { secretNameOf } from '../secret.js';
import type { LoadedConfig } from './config.js';
import { tokensReached } from './reach.js';
import { renderTargetEntry } from './target-entry.js';
import type { TargetDescriptor, UnitEnvironment } from './target.js';
import { UsageError } from './usage-error.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The secret names handlers reach through the DI graph (`secret('STRIPE_KEY')` tokens), sorted. */
export function secretsReached(app: App, handlers: readonly Handler[]): string[] {
  return [...tokensReached(app, handlers)].map(secretNameOf).filter((n): n is string => n !== undefined).sort();
}

/**
 * What each unit runs with: `carve.config.ts` `env` (the app's, then the unit's under `units.<name>.env`) and the
 * secrets its own handlers reach, rendered by the target. A secret the code reads that the config does not declare,
 * one declared that no handler reads, or one the target has no place for stops the build (exit 2, nothing written).
 */
export function planEnvironments(
  app: App, { config, file }: LoadedConfig, units: readonly { name: string; handlers: readonly Handler[] }[], target: Pick<TargetDescriptor<unknown>, 'name' | 'secretReference'>,
  options: { checkSecrets?: boolean } = {},
): { environments: UnitEnvironment[]; warnings: string[] } {
  const where = file ?? 'carve.config.ts';
  const appValues = checkedValues(config.env, 'env', where);
  const warnings: string[] = [];
  const names = new Set(units.map((u) => u.name));
  for (const name of Object.keys(config.units ?? {})) {
    if (!names.has(name)) warnings.push(`${where}: units.${name} names no unit of this shape (its units: ${[...names].join(', ')}); its env is not used`);
  }
  const valuesOf = (unit: string) => ({ ...appValues, ...checkedValues(config.units?.[unit]?.env, `units.${unit}.env`, where) });
  const declared = config.secrets ?? {};
  // carve dev reads every secret from .env or the shell: where the targets keep them does not matter to it.
  if (options.checkSecrets === false) return { environments: units.map((u) => ({ values: valuesOf(u.name), secrets: {} })), warnings };
  const read = new Set(secretsReached(app, app.handlers));
  for (const name of Object.keys(declared)) {
    if (!read.has(name)) throw new UsageError(`${where}: secrets.${name} is declared, but no handler reaches secret('${name}'): remove it, or inject the token where the secret is read`);
  }
  const rendered = new Map<string, string>();
  const reference = (name: string, unit: string): string => {
    const given = declared[name];
    if (!given) throw new UsageError(`${where}: unit ${unit} reads secret('${name}'), which secrets does not declare: say where each target keeps it, as secrets: { ${name}: { ${target.name}: { … } } }`);
    const render = target.secretReference;
    if (!render) return '';
    if (!rendered.has(name)) rendered.set(name, renderTargetEntry(where, `secrets.${name}`, given, target.name, `where ${target.name} keeps it`, (ref) => render(name, ref)));
    return rendered.get(name)!;
  };
  const environments = units.map((unit): UnitEnvironment => {
    const values = valuesOf(unit.name);
    const secrets = Object.fromEntries(secretsReached(app, unit.handlers).map((name) => [name, reference(name, unit.name)]));
    for (const name of Object.keys(secrets)) {
      if (name in values) throw new UsageError(`${where}: ${name} is both a secret and a plain env value of unit ${unit.name}: keep one`);
    }
    return { values, secrets };
  });
  return { environments, warnings };
}

function checkedValues(given: unknown, at: string, where: string): Record<string, string> {
  if (given === undefined) return {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new UsageError(`${where}: ${at} must be an object of variable names to strings`);
  for (const [name, value] of Object.entries(given)) {
    if (!NAME.test(name)) throw new UsageError(`${where}: ${at}.${name}: not an environment variable name (letters, digits and _, not starting with a digit)`);
    if (typeof value !== 'string') throw new UsageError(`${where}: ${at}.${name} must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  return given as Record<string, string>;
}
