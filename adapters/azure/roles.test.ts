import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { armCheck, azureModels } from '../../test/support/arm-check.js';
import { referencedVaults, resourcePolicy } from './permissions.js';
import { ROLES_API_VERSION, rolesTemplate } from './roles.js';

const outside = mkdtempSync(join(tmpdir(), 'carve-roles-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('roles.json: each function app gets the roles its handlers need, on the resources they reach', () => {
  it('maps each kind of resource and access to the narrowest built-in data role', () => {
    const roles = (reference: unknown, access: 'read' | 'write' | 'read-write') => resourcePolicy('x', reference, access).map((g) => `${g.role} on ${g.scope}`);
    expect(roles({ storageBlobs: 'shopfiles' }, 'read')).toEqual(['Storage Blob Data Reader on Microsoft.Storage/storageAccounts/shopfiles']);
    expect(roles({ storageBlobs: 'shopfiles' }, 'write')).toEqual(['Storage Blob Data Contributor on Microsoft.Storage/storageAccounts/shopfiles']);
    expect(roles({ serviceBus: 'shop-bus' }, 'read')).toEqual(['Azure Service Bus Data Receiver on Microsoft.ServiceBus/namespaces/shop-bus']);
    expect(roles({ serviceBus: 'shop-bus' }, 'write')).toEqual(['Azure Service Bus Data Sender on Microsoft.ServiceBus/namespaces/shop-bus']);
    expect(roles({ serviceBus: 'shop-bus' }, 'read-write')).toHaveLength(2);
    expect(roles({ keyVault: 'shop-vault' }, 'read')).toEqual(['Key Vault Secrets User on Microsoft.KeyVault/vaults/shop-vault']);
    // Refused with a reason (the build turns it into one line naming the key, exit 2).
    expect(() => resourcePolicy('x', { keyVault: 'shop-vault' }, 'write')).toThrow(/read here \(Key Vault Secrets User\)/);
    expect(() => resourcePolicy('x', { dynamodbTable: 'orders' }, 'read')).toThrow(/expected one of \{ storageBlobs/);
    expect(() => resourcePolicy('x', { storageBlobs: 'Not_A_Name' }, 'read')).toThrow(/expected one of/);
  });

  it('reads the vaults a unit\'s Key Vault references name, so their identity may resolve them', () => {
    expect(referencedVaults({ A: '@Microsoft.KeyVault(SecretUri=https://shop.vault.azure.net/secrets/a)', B: '@Microsoft.KeyVault(SecretUri=https://shop.vault.azure.net/secrets/b)', C: 'plain' })).toEqual(['shop']);
  });

  it('assigns each role to the unit\'s own function app identity, by a stable name', () => {
    const template = JSON.parse(rolesTemplate('shop', [{ unit: 'post-orders', grants: resourcePolicy('files', { storageBlobs: 'shopfiles' }, 'write') }])) as { resources: Record<string, unknown>[] };
    expect(template.resources).toEqual([{
      type: 'Microsoft.Authorization/roleAssignments', apiVersion: ROLES_API_VERSION,
      name: "[guid(resourceGroup().id, resourceId('Microsoft.Web/sites', concat(parameters('functionAppPrefix'), 'post-orders')), 'Microsoft.Storage/storageAccounts/shopfiles', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]",
      scope: 'Microsoft.Storage/storageAccounts/shopfiles',
      properties: {
        description: 'Storage Blob Data Contributor for post-orders',
        roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]",
        principalId: "[reference(resourceId('Microsoft.Web/sites', concat(parameters('functionAppPrefix'), 'post-orders')), '2022-03-01', 'Full').identity.principalId]",
        principalType: 'ServicePrincipal',
      },
    }]);
  });

  const { python, version } = azureModels();
  it.skipIf(!python)(`matches the Azure SDK's role assignment models, API version ${ROLES_API_VERSION} (${version || 'the Azure SDK models are not installed (apt-get install azure-cli): skipped'})`, () => {
    const file = join(outside, 'roles.json');
    const grants = [...resourcePolicy('a', { storageBlobs: 'shopfiles' }, 'read'), ...resourcePolicy('b', { serviceBus: 'shop-bus' }, 'read-write')];
    writeFileSync(file, rolesTemplate('shop', [{ unit: 'get-orders', grants }]));
    expect(armCheck(python!, file)).toEqual({ status: 0, findings: '' });
  });
});
