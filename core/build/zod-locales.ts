import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import { UsageError } from './usage-error.js';

// zod 4 classic re-exports every locale from one module (`z.locales`), so a bundle of it carries ~40 of them
// (about 255 KiB minified) though an app configures one: English, unless it calls `z.config(z.locales.xx())`.
const LOCALES_INDEX = /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/;
const EXPORT_LINE = /export \{ default as (\w+) \} from "\.\/([\w-]+\.js)";/g;

/** What the build keeps of zod's locales: `'all'`, or their names as `z.locales` has them (`en`, `fr`, `zhCN`…). */
export type ZodLocales = 'all' | readonly string[];

/** Default: English only, the locale zod configures itself with. */
export const DEFAULT_ZOD_LOCALES: readonly string[] = ['en'];

/**
 * The esbuild plugin that serves zod's locales module with only the locales kept, each as zod itself exports it;
 * `z.locales.xx` of another is undefined. Call `checkZodLocales` first: here an unknown name is left out.
 */
export function zodLocalesPlugin(keep: ZodLocales, onTrimmed?: (path: string) => void): Plugin {
  return {
    name: 'carve-zod-locales',
    setup(build) {
      if (keep === 'all') return;
      build.onLoad({ filter: LOCALES_INDEX }, (args) => {
        const all = localesIn(args.path);
        onTrimmed?.(args.path);
        return { contents: keep.filter((name) => all.has(name)).map((name) => `export { default as ${name} } from "./${all.get(name)}";`).join('\n'), resolveDir: dirname(args.path), loader: 'js' };
      });
    },
  };
}

/** Each locale zod's locales module exports, by name, with its file. */
function localesIn(indexFile: string): Map<string, string> {
  return new Map([...readFileSync(indexFile, 'utf8').matchAll(EXPORT_LINE)].map((m) => [m[1]!, m[2]!] as const));
}

/** Locale names zod (as the app resolves it) does not have: one line naming those it has. Nothing to check without zod. */
export function checkZodLocales(keep: ZodLocales, appModule: string, where: string): void {
  if (keep === 'all') return;
  let index: string;
  try {
    index = createRequire(appModule).resolve('zod/v4/locales').replace(/index\.c?js$/, 'index.js');
  } catch {
    return;
  }
  const all = localesIn(index);
  const unknown = keep.filter((name) => !all.has(name));
  if (unknown.length > 0) throw new UsageError(`${where}: bundle.zodLocales: zod has no locale ${unknown.map((n) => `"${n}"`).join(', ')}; it has ${[...all.keys()].join(', ')}`);
}
