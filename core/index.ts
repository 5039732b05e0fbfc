/**
 * @module carve — the provider-neutral SDK: handlers, DI, errors, auth and the in-process app.
 * Targets (`carve/express`, …) import this module and the adapter kit, `carve/adapter`, and nothing else of core.
 * Schemas are any Standard Schema validator; zod's `z` is at `carve/zod`, so that nothing here costs a unit zod.
 */
export { createApp } from './app.js';
export type { App, AppOptions, HandleOptions, InjectRequest, InjectResponse, RequestListener, Session, ValidationReport } from './app.js';
export { handler, isHandler, HTTP_METHODS } from './handler.js';
export type { Handler, HandlerInput, HandlerSpec, HttpMethod } from './handler.js';
export { reply, Reply } from './reply.js';
export type { ReplyInit } from './reply.js';
export { CarveRequest } from './request.js';
export type { CarveResponse } from './request.js';
export type { QueryRecord, QueryValue } from './query.js';
export type { Schema, SchemaInput, SchemaOutput } from './schema.js';
export { parseCookies, serializeCookie } from './cookies.js';
export type { Cookie, CookieOptions } from './cookies.js';

export { token, provide, Token } from './token.js';
export { secret } from './secret.js';
export { resource } from './resource.js';
export type { Access, CloudResource } from './resource.js';
export type { Deps, Lifetime, Provider, Registration, Resolved } from './token.js';
export { RequestContext, Log, CurrentPrincipal } from './container.js';
export type { DependencyProblem } from './container.js';

export {
  HttpError, BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PayloadTooLarge,
  UnsupportedMediaType, UnprocessableContent, TooManyRequests, InternalServerError, GatewayTimeout, ValidationError,
  statusText,
} from './errors.js';
export type { HttpErrorClass, HttpErrorOptions, ProblemDetails, ValidationIssue } from './errors.js';

export { jwtAuth } from './auth/jwt.js';
export type { JwtAuthOptions } from './auth/jwt.js';
export { apiKeyAuth } from './auth/api-key.js';
export type { ApiKeyAuthOptions, ApiKeyIdentity } from './auth/api-key.js';
export type { Authenticator, AuthPolicy, GatewayAuth, SecurityScheme } from './auth/authenticator.js';
export type { Principal } from './auth/principal.js';
export { cors } from './cors.js';
export type { CorsOptions } from './cors.js';
export { rateLimit } from './rate-limit.js';
export type { RateLimitCount, RateLimitHeaders, RateLimitOptions, RateLimitStore } from './rate-limit.js';
export type { GatewayCors, Middleware } from './middleware.js';
export { createLogger } from './log.js';
export type { Logger, LogFields, LogLevel, LogSink, LoggerOptions } from './log.js';
export type { OpenApiDocument, OpenApiInfo } from './openapi.js';
