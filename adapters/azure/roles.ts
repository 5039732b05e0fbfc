import type { RoleGrant } from './permissions.js';

/** The API version of the role assignments (the one the azure-mgmt-authorization models the template is checked with describe). */
export const ROLES_API_VERSION = '2022-04-01';
const SITE = (unit: string) => `resourceId('Microsoft.Web/sites', concat(parameters('functionAppPrefix'), '${unit}'))`;

/**
 * `roles.json`: an ARM template giving each unit's function app (its system-assigned managed identity) the built-in
 * roles on the resources its own handlers reach, and on the Key Vaults its settings reference; nothing else. The same
 * least privilege as each Lambda function's own role on AWS.
 */
export function rolesTemplate(appName: string, grants: readonly { unit: string; grants: readonly RoleGrant[] }[]): string {
  const resources = grants.flatMap(({ unit, grants: given }) => given.map((grant) => ({
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: ROLES_API_VERSION,
    // A stable name per unit, resource and role: deploying again changes nothing.
    name: `[guid(resourceGroup().id, ${SITE(unit)}, '${grant.scope}', '${grant.roleId}')]`,
    scope: grant.scope,
    properties: {
      description: `${grant.role} for ${unit}`,
      roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${grant.roleId}')]`,
      principalId: `[reference(${SITE(unit)}, '2022-03-01', 'Full').identity.principalId]`,
      principalType: 'ServicePrincipal',
    },
  })));
  return `${JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      functionAppPrefix: { type: 'string', defaultValue: `${appName}-`, metadata: { description: 'The function apps are <prefix><unit>, each with its system-assigned identity on' } },
    },
    resources,
  }, null, 2)}\n`;
}
