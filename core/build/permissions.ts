import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import type { Access } from '../resource.js';
import type { LoadedConfig } from './config.js';
import { resourcesReached } from './reach.js';
import { renderTargetEntry } from './target-entry.js';
import type { TargetDescriptor, UnitPermissions } from './target.js';
import { UsageError } from './usage-error.js';

/**
 * What each unit may do: the access to the cloud resources its own handlers reach through the DI graph (providers'
 * `uses`), as the target's policy statements for what `carve.config.ts` `resources` says each resource is there. A
 * resource the code uses that the config does not declare, one declared that no handler uses, or one the target has
 * no entry for or refuses stops the build (exit 2, nothing written).
 */
export function planPermissions(
  app: App, { config, file }: LoadedConfig, units: readonly { name: string; handlers: readonly Handler[] }[], target: Pick<TargetDescriptor<unknown>, 'name' | 'resourcePolicy'>,
): UnitPermissions[] {
  const where = file ?? 'carve.config.ts';
  const declared = config.resources ?? {};
  const used = resourcesReached(app, app.handlers);
  for (const name of Object.keys(declared)) {
    if (!used.has(name)) throw new UsageError(`${where}: resources.${name} is declared, but no provider a handler reaches uses resource('${name}'): remove it, or list it in the provider's uses`);
  }
  const policy = (name: string, access: Access, unit: string): unknown[] => {
    const given = declared[name];
    if (!given) throw new UsageError(`${where}: unit ${unit} uses resource('${name}'), which resources does not declare: say what it is on each target, as resources: { ${name}: { ${target.name}: { … } } }`);
    const render = target.resourcePolicy;
    if (!render) return [];
    return renderTargetEntry(where, `resources.${name}`, given, target.name, 'what it is there', (ref) => render(name, ref, access));
  };
  return units.map((unit) => {
    const resources = resourcesReached(app, unit.handlers);
    return { resources: Object.fromEntries(resources), statements: [...resources].flatMap(([name, access]) => policy(name, access, unit.name)) };
  });
}
