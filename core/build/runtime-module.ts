import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The file of a target's own module, named as it is published (`./entry.js`), for a descriptor to point
 * at: in a source checkout, where nothing is compiled, that is the `.ts` beside it.
 *
 * @example
 * entry: { file: 'index.js', module: runtimeModule(new URL('./entry.js', import.meta.url)) }
 */
export function runtimeModule(url: URL): string {
  const file = fileURLToPath(url);
  if (existsSync(file)) return file;
  const source = file.replace(/\.js$/, '.ts');
  if (source !== file && existsSync(source)) return source;
  throw new Error(`${file}: no such module`);
}

/**
 * One of carve's core modules as this build runs them (sources, or the compiled dist/core), named as published
 * (`app.js`): the copy a unit bundles, for a plugin that swaps one of them for another.
 */
export const coreModule = (module: string): string => runtimeModule(new URL(`../${module}`, import.meta.url));
