import { z } from 'carve/zod';

/** `azure: { … }` in carve.config.ts: each function app's settings. */
export const AzureSettings = z.strictObject({
  /** host.json `extensions.http.routePrefix`, stripped before routing. */
  routePrefix: z.string().default('api'),
  /** Answer 504 after this many seconds; below the 230 s after which Azure's load balancer drops a response. */
  timeoutSeconds: z.int().min(1).max(229).default(225),
});
export type AzureSettings = z.output<typeof AzureSettings>;
