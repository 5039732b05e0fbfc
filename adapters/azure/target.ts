import { defineTarget, runtimeModule } from 'carve/build';
import { functionAppFiles } from './app-files.js';
import { secretReference } from './secrets.js';
import { planAzureFunctions } from './routes.js';
import { AzureSettings, nodeArguments } from './settings.js';

/**
 * Azure Functions: each unit is its own v4 function app (host.json, package.json, index.js registering
 * app.http per route), so units deploy and scale apart.
 */
export default defineTarget<AzureSettings>({
  name: 'azure',
  entry: {
    file: 'index.js',
    module: runtimeModule(new URL('./entry.js', import.meta.url)),
    remainder: runtimeModule(new URL('./entry-legacy.js', import.meta.url)),
  },
  // The worker injects its core API into the @azure/functions it finds in node_modules.
  bundle: { target: 'node20', external: ['@azure/functions'] },
  nodeOptions: nodeArguments,
  secretReference,
  settings: AzureSettings,
  fallbackUnit: 'carve-fallback',
  check: (app) => void planAzureFunctions(app.handlers),
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      const app = functionAppFiles({
        name: `${context.app.name}-${unit.name}`, main: 'index.js', dependencies: unit.externals, routePrefix: context.settings.routePrefix,
        nodeArguments: nodeArguments(context.settings), ...context.environment(unit),
      });
      for (const [file, content] of Object.entries(app)) files[`${unit.name}/${file}`] = content;
    }
    return files;
  },
  deploy: ({ app, dir, units }) => units.flatMap((unit) => [
    `az functionapp config appsettings set --name ${app.name}-${unit.name} --resource-group <group> --settings @${dir}/${unit.name}/appsettings.json`,
    `(cd ${dir}/${unit.name} && func azure functionapp publish ${app.name}-${unit.name})`,
  ]),
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});
