/** @module carve/express — serve a carve app on Express 5, or mount it into an existing Express app. */
export { toExpressRouter } from './router.js';
export type { ExpressRouterOptions } from './router.js';
export { serve } from './serve.js';
export type { ServeOptions, ServerHandle } from './serve.js';
