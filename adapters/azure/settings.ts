import { z } from 'carve/zod';

/** `azure: { … }` in carve.config.ts: each function app's settings. */
export const AzureSettings = z.strictObject({
  /** host.json `extensions.http.routePrefix`, stripped before routing. */
  routePrefix: z.string().default('api'),
  /** Answer 504 after this many seconds; below the 230 s after which Azure's load balancer drops a response. */
  timeoutSeconds: z.int().min(1).max(229).default(225),
  /**
   * The Node worker reads each bundle's source map at start-up (`--enable-source-maps`), so stack traces name the
   * sources: a few ms of cold start for a ~100 KB unit. `false` leaves the flag out (the maps are still written).
   */
  sourceMaps: z.boolean().default(true),
});
export type AzureSettings = z.output<typeof AzureSettings>;

/** The Node worker's arguments for these settings. */
export const nodeArguments = (settings: AzureSettings): string[] => (settings.sourceMaps ? ['--enable-source-maps'] : []);

// App settings that name a Key Vault secret, resolved by the platform (the app's managed identity reads the vault):
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
/** Where `carve.config.ts` `secrets.<name>.azure` says a secret is kept. */
export const AzureSecret = z.union([
  z.strictObject({ keyVault: z.url().regex(/^https:\/\/[\w-]+\.vault\.azure\.net\/secrets\/[\w-]+(\/\w+)?\/?$/, 'a secret URI such as https://shop.vault.azure.net/secrets/stripe-key') }),
  z.strictObject({ vault: z.string().regex(/^[\w-]+$/), secret: z.string().regex(/^[\w-]+$/) }),
]);

/** Where `carve.config.ts` `resources.<name>.azure` says a resource is: one of this resource group's, by name. */
export const AzureResource = z.union([
  z.strictObject({ storageBlobs: z.string().regex(/^[a-z0-9]{3,24}$/, 'a storage account name (3–24 lower-case letters and digits)') }),
  z.strictObject({ serviceBus: z.string().regex(/^[A-Za-z][\w-]{4,48}[A-Za-z0-9]$/, 'a Service Bus namespace name') }),
  z.strictObject({ keyVault: z.string().regex(/^[A-Za-z][\w-]{1,22}[A-Za-z0-9]$/, 'a Key Vault name') }),
]);
