import { importPeer, type RequestListener } from 'carve/adapter';
import { withEmitterSocket } from 'carve/adapter/node';
import type { LambdaContext, LambdaHandler } from './events.js';

type Proxy = (event: unknown, context: unknown, callback: undefined) => Promise<unknown>;

/**
 * Runs an existing Express app on Lambda with @vendia/serverless-express: the legacy unit of a strangler
 * migration. Pass it as `toLambdaHandler(app, { fallback })` to serve the routes carve does not have yet,
 * or deploy it alone. Kept in its own module so SDK-only units never bundle serverless-express, which is
 * loaded at once (at cold start) but awaited by the first request.
 */
export function legacyHandler(expressApp: RequestListener): LambdaHandler {
  const proxy = importPeer('@vendia/serverless-express', 'carve/aws/legacy', () => import('@vendia/serverless-express'))
    .then(({ configure }) => configure({ app: withEmitterSocket(expressApp) as never }) as unknown as Proxy);
  // Reported by the first request, not as an unhandled rejection at start-up.
  proxy.catch(() => undefined);
  // serverless-express takes (event, context, callback); Lambda's Node 24 runtime wants exactly two.
  return async function legacy(event: unknown, context: LambdaContext) {
    return (await proxy)(event, context, undefined);
  };
}
