import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';
import type { App } from '../app.js';
import { findUp } from './find-up.js';
import { UsageError } from './usage-error.js';

export interface LoadedApp {
  app: App;
  /** Imports another module in the app's own module scope: a module the app imported is the same instance. */
  importBeside(file: string): Promise<Record<string, unknown>>;
}

let scopes = 0;
const commonJsHooks = new Map<string, () => unknown>();

/** Imports the module named by `--app` and returns its app (the default export, or `app`). */
export async function loadApp(modulePath: string): Promise<App> {
  return (await loadAppInScope(modulePath)).app;
}

/** The same, in a module scope of its own that later imports can share (each call loads the app afresh). */
export async function loadAppInScope(modulePath: string): Promise<LoadedApp> {
  const file = resolve(modulePath);
  if (!existsSync(file)) throw new UsageError(`--app ${modulePath}: no such file (looked at ${file})`);
  // tsx loads TypeScript as ESM even outside a "type": "module" package; its CommonJS hook serves what the app
  // requires, so a CommonJS package's ES syntax (Babel style: extensionless imports) loads as it does under tsx.
  // Both read the app's own tsconfig (its `paths`), wherever carve runs from.
  const tsconfig = nearestTsconfig(dirname(file));
  if (!commonJsHooks.has(tsconfig ?? '')) commonJsHooks.set(tsconfig ?? '', withTsconfigEnv(tsconfig, () => registerCommonJs()));
  const scope = register({ namespace: `carve-app-${process.pid}-${++scopes}`, ...(tsconfig ? { tsconfig } : {}) });
  const importBeside = async (path: string) => (await scope.import(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
  let mod: Record<string, unknown>;
  try {
    mod = await importBeside(file);
  } catch (error) {
    throw new UsageError(`--app ${modulePath}: the module failed to load: ${loadFailure(error)}`);
  }
  // A TypeScript module of a CommonJS package is loaded compiled to CommonJS: its exports are the default's fields.
  const compiled = mod['default'] as Record<string, unknown> | undefined;
  const app = [mod['default'], mod['app'], compiled?.['default'], compiled?.['app']].find(isApp);
  if (!app) throw new UsageError(`--app ${modulePath}: the module exports no carve app; export it as default or as "app" (createApp({ handlers }))`);
  return { app, importBeside };
}

function isApp(value: unknown): value is App {
  return typeof value === 'object' && value !== null
    && typeof (value as App).handle === 'function' && Array.isArray((value as App).handlers);
}

/** The tsconfig.json that governs the app's module (the nearest one above it), if any. */
function nearestTsconfig(dir: string): string | undefined {
  return findUp(dir, (folder) => (existsSync(join(folder, 'tsconfig.json')) ? join(folder, 'tsconfig.json') : undefined));
}

/** tsx's CommonJS hook takes its tsconfig from the environment when it is registered. */
function withTsconfigEnv<T>(tsconfig: string | undefined, run: () => T): T {
  const before = process.env['TSX_TSCONFIG_PATH'];
  if (tsconfig) process.env['TSX_TSCONFIG_PATH'] = tsconfig;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env['TSX_TSCONFIG_PATH'];
    else process.env['TSX_TSCONFIG_PATH'] = before;
  }
}

/**
 * Why a module did not load, in one line: the message's first line, or for a compiler's "Transform failed with 1
 * error:" the errors it lists (`src/app.ts:2:39: ERROR: Unexpected "}"`), paths relative to where carve runs.
 */
export function loadFailure(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean);
  const [first = 'unknown error', ...rest] = lines;
  const reason = first.endsWith(':') && rest.length > 0 ? rest.slice(0, 3).join('; ') : first;
  return reason.replaceAll(`${process.cwd()}${sep}`, '');
}

