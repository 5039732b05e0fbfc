import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineTarget, runtimeModule, type EmitContext } from 'carve/build';
import { apimTemplate } from './apim.js';
import { functionAppFiles } from './app-files.js';
import { referencedVaults, resourcePolicy, secretsReader, type RoleGrant } from './permissions.js';
import { rolesTemplate } from './roles.js';
import { secretReference } from './secrets.js';
import { planAzureFunctions } from './routes.js';
import { AzureSettings, nodeArguments } from './settings.js';

const APIM_FILE = 'apim.json';
const ROLES_FILE = 'roles.json';

/** Each unit's roles: on the resources its handlers reach, and on the vaults its settings reference. */
function unitGrants(context: EmitContext<AzureSettings>): { unit: string; grants: RoleGrant[] }[] {
  return context.units.map((unit) => {
    const reached = context.permissions(unit).statements as RoleGrant[];
    const vaults = referencedVaults(context.environment(unit).secrets).map(secretsReader);
    const grants = [...reached, ...vaults].filter((g, i, all) => all.findIndex((o) => o.scope === g.scope && o.roleId === g.roleId) === i);
    return { unit: unit.name, grants };
  }).filter((u) => u.grants.length > 0);
}

/**
 * Azure Functions: each unit is its own v4 function app (host.json, package.json, index.js registering
 * app.http per route), so units deploy and scale apart; several are joined behind one API Management API (apim.json).
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
    // Several function apps: one API Management API in front, routing each method and path to its unit.
    if (context.units.length > 1) files[APIM_FILE] = apimTemplate(context.app, context.units, context.settings.routePrefix);
    const grants = unitGrants(context);
    if (grants.length > 0) files[ROLES_FILE] = rolesTemplate(context.app.name, grants);
    return files;
  },
  deploy: ({ app, dir, units }) => {
    // The identities first (one with no role can do nothing), their roles, then settings whose Key Vault references
    // resolve as that identity.
    const roles = existsSync(join(dir, ROLES_FILE));
    const identities = roles ? [...units.map((unit) => `az functionapp identity assign --name ${app.name}-${unit.name} --resource-group <group>`),
      `az deployment group create --resource-group <group> --template-file ${dir}/${ROLES_FILE}`] : [];
    const apps = units.flatMap((unit) => [
      `az functionapp config appsettings set --name ${app.name}-${unit.name} --resource-group <group> --settings @${dir}/${unit.name}/appsettings.json`,
      `(cd ${dir}/${unit.name} && func azure functionapp publish ${app.name}-${unit.name})`,
    ]);
    const entry = units.length > 1 ? [`az deployment group create --resource-group <group> --template-file ${dir}/${APIM_FILE} --parameters publisherEmail=<you@example.com>`] : [];
    return [...identities, ...apps, ...entry];
  },
  resourcePolicy,
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});
