import type { Access } from 'carve';
import { AzureResource } from './settings.js';

/** A built-in role a unit's managed identity gets on one resource. */
export interface RoleGrant {
  /** The resource, as an ARM extension resource's `scope` names one of the resource group's. */
  scope: string;
  role: string;
  roleId: string;
}

// Azure's built-in data roles (their ids are the same in every tenant), by what they allow.
const ROLES = {
  blobReader: { role: 'Storage Blob Data Reader', roleId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' },
  blobContributor: { role: 'Storage Blob Data Contributor', roleId: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' },
  serviceBusReceiver: { role: 'Azure Service Bus Data Receiver', roleId: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' },
  serviceBusSender: { role: 'Azure Service Bus Data Sender', roleId: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' },
  secretsUser: { role: 'Key Vault Secrets User', roleId: '4633458b-17de-408a-b874-0445c86b69e6' },
} as const;

/** The roles giving a function app's identity `access` to one resource, and nothing else. */
export function resourcePolicy(_name: string, reference: unknown, access: Access): RoleGrant[] {
  const parsed = AzureResource.safeParse(reference);
  if (!parsed.success) throw new Error("expected one of { storageBlobs: 'account' }, { serviceBus: 'namespace' }, { keyVault: 'vault' } (a resource of the function apps' resource group)");
  const ref = parsed.data;
  if ('storageBlobs' in ref) {
    return [{ scope: `Microsoft.Storage/storageAccounts/${ref.storageBlobs}`, ...(access === 'read' ? ROLES.blobReader : ROLES.blobContributor) }];
  }
  if ('serviceBus' in ref) {
    const scope = `Microsoft.ServiceBus/namespaces/${ref.serviceBus}`;
    return [...(access === 'write' ? [] : [ROLES.serviceBusReceiver]), ...(access === 'read' ? [] : [ROLES.serviceBusSender])].map((role) => ({ scope, ...role }));
  }
  if (access !== 'read') throw new Error(`a Key Vault's secrets are read here (${ROLES.secretsUser.role}); declare resource('…', 'read'), and grant writing outside carve`);
  return [secretsReader(ref.keyVault)];
}

/** Reading a vault's secrets: what a Key Vault reference in a function app's settings needs of its identity. */
export const secretsReader = (vault: string): RoleGrant => ({ scope: `Microsoft.KeyVault/vaults/${vault}`, ...ROLES.secretsUser });

/** The vaults a unit's app settings name in Key Vault references (`@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/…)`). */
export function referencedVaults(secrets: Record<string, string>): string[] {
  return [...new Set(Object.values(secrets).flatMap((value) => /^@Microsoft\.KeyVault\(SecretUri=https:\/\/([\w-]+)\.vault\.azure\.net\//.exec(value)?.[1] ?? []))];
}
