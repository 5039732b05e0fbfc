import { EventEmitter } from 'node:events';
import serverlessExpress from '@vendia/serverless-express';
import type { LambdaContext, LambdaHandler } from './events';

type RequestListener = (req: never, res: never) => void;

/**
 * Runs an existing Express app on Lambda with @vendia/serverless-express: the legacy unit of a strangler
 * migration. Pass it as `toLambdaHandler(app, { fallback })` to serve the routes carve does not have yet,
 * or deploy it alone. Kept in its own module so SDK-only units never bundle serverless-express.
 */
export function legacyHandler(expressApp: RequestListener): LambdaHandler {
  const proxy = serverlessExpress({
    app: ((req: { socket: object }, res: never) => {
      // serverless-express hands Express a plain object as the socket; Express 5's finalhandler listens on
      // it for unmatched routes and throws (CodeGenieApp/serverless-express#698), so give it the methods.
      if (!(req.socket instanceof EventEmitter)) Object.setPrototypeOf(req.socket, EventEmitter.prototype);
      expressApp(req as never, res);
    }) as never,
  });
  // serverless-express takes (event, context, callback); Lambda's Node 24 runtime wants exactly two.
  return async function legacy(event: unknown, context: LambdaContext) {
    return proxy(event as never, context as never, undefined as never);
  };
}
