import { AzureSecret } from './settings.js';

/** A secret's Key Vault reference: `@Microsoft.KeyVault(SecretUri=…)` or `@Microsoft.KeyVault(VaultName=…;SecretName=…)`. */
export function secretReference(_name: string, reference: unknown): string {
  const parsed = AzureSecret.safeParse(reference);
  if (!parsed.success) throw new Error("expected { keyVault: 'https://<vault>.vault.azure.net/secrets/<name>' } or { vault: '<vault>', secret: '<name>' }");
  const ref = parsed.data;
  return 'keyVault' in ref ? `@Microsoft.KeyVault(SecretUri=${ref.keyVault})` : `@Microsoft.KeyVault(VaultName=${ref.vault};SecretName=${ref.secret})`;
}
