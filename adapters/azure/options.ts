import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

export interface AzureHandlerOptions {
  /**
   * Gets every request no carve route matches, body unread: the legacy Express app of a split
   * (`legacyAzureHandler(app.remainder)` from `carve/azure/legacy`). Required when the app has a remainder.
   */
  fallback?: ((request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>) | undefined;
  /** host.json `extensions.http.routePrefix`: stripped from the URL before routing. Default `api`. */
  routePrefix?: string | undefined;
  /**
   * Use `x-ms-client-principal` as the caller. Only when Static Web Apps or App Service authentication
   * sits in front of the app: without it, any client can send that header. Default false.
   */
  trustClientPrincipal?: boolean | undefined;
  /**
   * Answer 504 after this many ms. Default 225 000: Azure's load balancer drops an HTTP response that takes
   * longer than 230 s, whatever the function timeout says.
   */
  timeoutMs?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 225_000;
export const AZURE_HTTP_LIMIT_MS = 230_000;

export function routePrefixPath(prefix: string | undefined): string {
  const trimmed = (prefix ?? 'api').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}
