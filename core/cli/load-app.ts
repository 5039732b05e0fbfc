import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { App } from '../app';
import { UsageError } from './usage-error';

/** Imports the module named by `--app` and returns its app (the default export, or `app`). */
export async function loadApp(modulePath: string): Promise<App> {
  const file = resolve(modulePath);
  if (!existsSync(file)) throw new UsageError(`--app ${modulePath}: no such file (looked at ${file})`);
  let mod: Record<string, unknown>;
  try {
    // tsImport loads TypeScript as ESM even outside a "type": "module" package.
    mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`--app ${modulePath}: the module failed to load: ${reason}`);
  }
  const app = [mod['default'], mod['app']].find(isApp);
  if (!app) throw new UsageError(`--app ${modulePath}: the module exports no carve app; export it as default or as "app" (createApp({ handlers }))`);
  return app;
}

function isApp(value: unknown): value is App {
  return typeof value === 'object' && value !== null
    && typeof (value as App).handle === 'function' && Array.isArray((value as App).handlers);
}
