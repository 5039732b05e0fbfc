import type { App } from 'carve';
import { chooseApi } from './api-type.js';
import { gatewayJwt } from './gateway-auth.js';
import type { LambdaHandlerOptions } from './options.js';
import type { AwsSettings } from './settings.js';

/**
 * How a built unit's handler reads its events: an HTTP API on a named stage puts `/{stage}` in the path (stripped;
 * nothing is on `$default`), and a custom domain's base path mapping its segment (stripped where present). It takes
 * the caller from the event's authorizer context only where the build put an authorizer in front (the HTTP API JWT
 * authorizer): elsewhere a context there comes from no check of the build's (an emulator fills one in for every
 * REST request), so carve checks the credentials itself.
 */
export function entryOptions(settings: AwsSettings, app: App): LambdaHandlerOptions {
  const basePath = settings.gateway.domain?.basePath;
  const authorizer = chooseApi(settings.gateway).type === 'http' && gatewayJwt(app) !== undefined;
  return { stripStage: true, trustAuthorizer: authorizer, ...(basePath ? { basePath: `/${basePath}` } : {}) };
}
