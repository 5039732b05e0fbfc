import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { isHandler, type Handler } from '../handler.js';

/**
 * A module that defines handlers of other units, replaced in this unit's bundle by route-only stubs:
 * the unit's app still lists every route (so the app module loads unchanged), but none of those
 * handlers' code or dependencies is bundled. Returns undefined when the module also exports something
 * that is not a handler (it is then bundled whole, and the report says so).
 */
export async function stubSource(file: string): Promise<string | undefined> {
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  const lines: string[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (!isHandler(value)) return undefined;
    const h = value as Handler;
    const stub = `{ kind: 'carve.handler', id: ${JSON.stringify(h.id)}, method: ${JSON.stringify(h.method)}, path: ${JSON.stringify(h.path)}, resource: ${JSON.stringify(h.resource)}, spec: { auth: 'public' }, run: () => { throw new Error('stub: not bundled in this unit'); } }`;
    lines.push(name === 'default' ? `export default ${stub};` : `export const ${name} = ${stub};`);
  }
  return `// carve build: route-only stub of ${file}\n${lines.join('\n')}\n`;
}

/** The esbuild plugin that serves those stubs in place of the real modules. */
export function stubPlugin(stubs: ReadonlyMap<string, string>): Plugin {
  const escaped = [...stubs.keys()].map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    name: 'carve-stub-foreign-handlers',
    setup(build) {
      if (escaped.length === 0) return;
      build.onLoad({ filter: new RegExp(`^(${escaped.join('|')})$`) }, (args) => ({ contents: stubs.get(args.path)!, loader: 'ts' }));
    },
  };
}
