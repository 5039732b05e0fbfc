import { relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { RequestListener } from '../app.js';

/** The module exporting the legacy remainder, and the stub that stands for it in units that do not serve it. */
export interface RemainderStub {
  file: string;
  source: string;
}

/**
 * Finds the module the app module imports its legacy remainder from, so units that do not serve the
 * remainder can leave the legacy app (and Express with it) out of their bundles. Only a module that the
 * app module alone imports, and whose export *is* the remainder, qualifies; otherwise the result says why
 * not and the remainder is bundled into every unit.
 */
export async function findRemainderModule(
  appModule: string,
  remainder: RequestListener,
  importBeside: (file: string) => Promise<Record<string, unknown>>,
): Promise<RemainderStub | { reason: string }> {
  const { metafile } = await build({
    entryPoints: [appModule], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm',
    packages: 'external', logLevel: 'silent',
  });
  const inputs = metafile.inputs;
  const key = (file: string) => relative(process.cwd(), file);
  const local = (inputs[key(appModule)]?.imports ?? []).filter((i) => !i.external).map((i) => resolve(i.path));
  for (const file of local) {
    const mod = await importBeside(file);
    const names = Object.keys(mod).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    if (!names.some((name) => mod[name] === remainder)) continue;
    const importers = Object.entries(inputs).filter(([, input]) => input.imports.some((i) => !i.external && resolve(i.path) === file)).map(([path]) => resolve(path));
    if (importers.some((importer) => importer !== appModule)) {
      return { reason: `${key(file)} is imported by more than the app module, so the legacy remainder is bundled into every unit` };
    }
    const exports = names.map((name) => (name === 'default' ? 'export default undefined;' : `export const ${name} = undefined;`));
    return { file, source: `// carve build: this unit does not serve the legacy remainder (${key(file)})\n${exports.join('\n')}\n` };
  }
  return { reason: 'the app module does not import its legacy remainder from a module of its own, so it is bundled into every unit' };
}
