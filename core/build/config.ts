import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { GroupsConfig } from './plan.js';
import type { TargetDescriptor } from './target.js';
import { UsageError } from './usage-error.js';

/**
 * `carve.config.ts`: optional, next to the app module or in the working directory. Besides `groups`,
 * each key is a target's name holding that target's settings.
 *
 * @example
 * export default defineConfig({ groups: { reads: { resources: ['courses'] } }, aws: { memoryMb: 1024 }, azure: { routePrefix: '' } });
 */
export interface CarveConfig {
  /** Units for `--shape custom`. */
  groups?: GroupsConfig | undefined;
  /** How every unit is bundled, whatever the target. */
  bundle?: BundleConfig | undefined;
  /** Environment variables every unit runs with, on every target and under `carve dev`. */
  env?: Record<string, string> | undefined;
  /** Per unit of the shape built, by its name: what it runs with beside the app's (`units: { courses: { env: { … } } }`). */
  units?: Record<string, UnitConfig> | undefined;
  /**
   * Where each target keeps the secrets `secret(name)` reads, by name:
   * `{ STRIPE_KEY: { aws: { ssm: '/shop/stripe-key' }, azure: { keyVault: 'https://shop.vault.azure.net/secrets/stripe-key' } } }`.
   */
  secrets?: Record<string, Record<string, unknown>> | undefined;
  /**
   * What each cloud resource `resource(name)` names is on each target, by name:
   * `{ orders: { aws: { dynamodbTable: 'shop-orders' }, azure: { storageBlobs: 'shoporders' } } }`. Each unit's role (its identity's roles, on Azure) gets access to the ones its handlers reach.
   */
  resources?: Record<string, Record<string, unknown>> | undefined;
  [target: string]: object | undefined;
}

export interface UnitConfig {
  env?: Record<string, string> | undefined;
}

export interface BundleConfig {
  /**
   * The zod locales a unit carries: `['en']` by default (zod's own; the other ~40 are about 255 KiB of every
   * bundle), the names `z.locales` has (`['en', 'fr']`) for an app that calls `z.config(z.locales.fr())`, or `'all'`.
   */
  zodLocales?: 'all' | string[] | undefined;
}

/** What a config written as a function is given: the build's `--stage`, if any. */
export interface ConfigEnvironment {
  stage: string | undefined;
}

/** Types a `carve.config.ts`: an object, or a function of the stage (`({ stage }) => ({ … })`). */
export function defineConfig<C extends CarveConfig | ((environment: ConfigEnvironment) => CarveConfig)>(config: C): C {
  return config;
}

/** The config, and the file it came from. */
export interface LoadedConfig {
  config: CarveConfig;
  file?: string | undefined;
}

export async function loadConfig(appModule: string, explicit?: string, environment: ConfigEnvironment = { stage: undefined }): Promise<LoadedConfig> {
  const candidates = explicit ? [resolve(explicit)] : [join(dirname(resolve(appModule)), 'carve.config.ts'), resolve('carve.config.ts')];
  const file = candidates.find((f) => existsSync(f));
  if (explicit && !file) throw new UsageError(`--config ${explicit}: no such file`);
  if (!file) return { config: {} };
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown };
  const exported = mod.default ?? {};
  const config: unknown = typeof exported === 'function' ? await (exported as (e: ConfigEnvironment) => unknown)(environment) : exported;
  if (typeof config !== 'object' || config === null) throw new UsageError(`${file}: the default export must be an object (defineConfig({ … }))`);
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'object' || value === null) {
      throw new UsageError(`${file}: "${key}" is not a setting; a target's settings go under its name, as in aws: { memoryMb: 1024 }`);
    }
  }
  return { config: config as CarveConfig, file };
}

/** The target's settings: its part of the config, checked and completed by the target's own schema. */
export async function targetSettings<S>({ config, file }: LoadedConfig, target: TargetDescriptor<S>): Promise<S> {
  const given = config[target.name] ?? {};
  if (!target.settings) return given as S;
  const result = await target.settings['~standard'].validate(given);
  if (!result.issues) return result.value;
  const where = file ?? 'carve.config.ts';
  const issue = result.issues[0]!;
  const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
  throw new UsageError(`${where}: ${target.name}${path ? `.${path}` : ''}: ${issue.message}`);
}
