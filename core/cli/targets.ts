import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTargetDescriptor, UsageError, type TargetDescriptor } from 'carve/build';

type TargetModule = { default: unknown };

/** The targets carve ships, by name: the one list. A target is its folder in adapters/ and a line here. */
const TARGETS: Record<string, () => Promise<TargetModule>> = {
  aws: () => import('carve/aws/target'),
  bun: () => import('carve/bun/target'),
  azure: () => import('carve/azure/target'),
  express: () => import('carve/express/target'),
};

export const TARGET_NAMES = Object.keys(TARGETS);

/**
 * What `--target` names: one of carve's targets, or a module of your own (a path, or a package name)
 * whose default export is a target descriptor (`defineTarget` from carve/build).
 */
export async function resolveTarget(spec: string): Promise<TargetDescriptor<unknown>> {
  const builtIn = TARGETS[spec];
  const unknown = `unknown target "${spec}"; choose one of ${TARGET_NAMES.join(', ')}, or give the path of a target module`;
  let mod: TargetModule;
  if (builtIn) mod = await builtIn();
  else if (/^\.{0,2}[/\\]|\.[cm]?[jt]s$/.test(spec)) {
    const file = resolve(spec);
    if (!existsSync(file)) throw new UsageError(`--target ${spec}: no such file (looked at ${file})`);
    mod = await importTarget(spec, pathToFileURL(file).href);
  } else {
    mod = await importTarget(spec, spec, unknown);
  }
  if (!isTargetDescriptor(mod.default)) {
    throw new UsageError(`--target ${spec}: the module's default export is not a target descriptor; export default defineTarget({ name, entry, emit }) from carve/build`);
  }
  return mod.default;
}

async function importTarget(spec: string, specifier: string, ifMissing?: string): Promise<TargetModule> {
  try {
    return (await import(specifier)) as TargetModule;
  } catch (error) {
    const { code } = error as { code?: string | undefined };
    if (ifMissing && code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${spec}'`)) throw new UsageError(ifMissing);
    throw new UsageError(`--target ${spec}: the module failed to load: ${String((error as Error).message).split('\n')[0]}`);
  }
}
