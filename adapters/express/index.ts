/** @module carve/express — serve a carve app on Express 5, or mount it into an existing Express app. */
export { toExpressRouter } from './router';
export type { ExpressRouterOptions } from './router';
export { serve } from './serve';
export type { ServeOptions, ServerHandle } from './serve';
export { startGateway } from './gateway';
export type { Gateway, GatewayUnit } from './gateway';
