/**
 * @module carve/adapter — the kit for target authors. A target serves an app through its one entry,
 * `app.handle(incoming)`: it maps the platform's request to an `IncomingRequest` and the `CarveResponse`
 * back. Node request/response bridges are in `carve/adapter/node`; the Fetch API bridge is `carve/fetch`.
 *
 * @example
 * import type { App } from 'carve/adapter';
 * export const handle = (app: App) => async (req: PlatformRequest) => toPlatform(await app.handle(fromPlatform(req)));
 */
export type { App, HandleOptions, RequestListener } from '../app.js';
export type { CarveResponse, IncomingRequest } from '../request.js';
export { Router } from '../router.js';
export type { RouteEntry, RouteMatch } from '../router.js';
export { parseQuery, stringifyQuery, stripBasePath } from '../query.js';
export { problemResponse } from './problem.js';
export { RequestAborted } from '../errors.js';
export type { ProblemInit } from './problem.js';
export { importPeer, MissingPeerError } from './peer.js';
export { acceptsUndefined } from '../schema.js';
export { jsonSchemaOf } from '../json-schema.js';
export type { JsonSchema } from '../json-schema.js';
export { answer } from '../answer.js';
export type { Answer } from '../answer.js';
