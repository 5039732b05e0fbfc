import type { LambdaHandlerOptions } from './options.js';
import type { AwsSettings } from './settings.js';

/**
 * How a built unit's handler reads its events: an HTTP API on a named stage puts `/{stage}` in the path (stripped;
 * nothing is on `$default`), and a custom domain's base path mapping its segment (stripped where present).
 */
export function entryOptions(settings: AwsSettings): LambdaHandlerOptions {
  const basePath = settings.gateway.domain?.basePath;
  return { stripStage: true, ...(basePath ? { basePath: `/${basePath}` } : {}) };
}
