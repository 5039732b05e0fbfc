import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { GroupsConfig } from './plan';
import type { BuildSettings } from './target';

/** `carve.config.ts`: optional, next to the app module or in the working directory. */
export interface CarveConfig {
  /** Units for `--shape custom`. */
  groups?: GroupsConfig;
  /** Lambda and Azure function settings. */
  memoryMb?: number;
  timeoutSeconds?: number;
  runtime?: string;
  routePrefix?: string;
  /** Add a schedule that keeps each Lambda unit warm (answered without running any handler). */
  warmup?: boolean;
}

export const DEFAULT_SETTINGS: BuildSettings = { memoryMb: 512, timeoutSeconds: 29, runtime: 'nodejs20.x', routePrefix: 'api', warmup: false };

export async function loadConfig(appModule: string, explicit?: string): Promise<CarveConfig> {
  const candidates = explicit ? [resolve(explicit)] : [join(dirname(resolve(appModule)), 'carve.config.ts'), resolve('carve.config.ts')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return {};
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: CarveConfig };
  return mod.default ?? {};
}

export function settingsFrom(config: CarveConfig): BuildSettings {
  return {
    memoryMb: config.memoryMb ?? DEFAULT_SETTINGS.memoryMb,
    timeoutSeconds: config.timeoutSeconds ?? DEFAULT_SETTINGS.timeoutSeconds,
    runtime: config.runtime ?? DEFAULT_SETTINGS.runtime,
    routePrefix: config.routePrefix ?? DEFAULT_SETTINGS.routePrefix,
    warmup: config.warmup ?? DEFAULT_SETTINGS.warmup,
  };
}
