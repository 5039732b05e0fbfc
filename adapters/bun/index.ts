/** @module carve/bun — serve a carve app on Bun, through carve's Fetch API handler. */
export { toBunHandler } from './handler.js';
export type { BunHandler } from './handler.js';
export { serve } from './serve.js';
export type { BunServeAppOptions } from './serve.js';
export type { BunServer } from './runtime.js';
