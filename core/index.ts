/**
 * @module carve — the provider-neutral SDK: handlers, DI, errors, auth and the in-process app.
 * Adapters (`carve/express`, …) import this module and nothing else from core.
 */
export { z } from 'zod';

export { createApp } from './app';
export type { App, AppOptions, HandleOptions, InjectRequest, InjectResponse, RequestListener, Session, ValidationReport } from './app';
export { handler, isHandler, HTTP_METHODS } from './handler';
export type { Handler, HandlerInput, HandlerSpec, HttpMethod } from './handler';
export { reply, Reply } from './reply';
export type { ReplyInit } from './reply';
export { CarveRequest } from './request';
export { Router } from './router';
export type { RouteEntry, RouteMatch } from './router';
export type { CarveResponse, IncomingRequest } from './request';
export { parseQuery, stringifyQuery, stripBasePath } from './query';
export type { QueryRecord, QueryValue } from './query';
export { parseCookies, serializeCookie } from './cookies';
export type { Cookie, CookieOptions } from './cookies';

export { token, provide, Token } from './token';
export type { Deps, Lifetime, Provider, Registration, Resolved } from './token';
export { RequestContext, Log, CurrentPrincipal } from './container';
export type { DependencyProblem } from './container';

export {
  HttpError, BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PayloadTooLarge,
  UnsupportedMediaType, UnprocessableContent, TooManyRequests, InternalServerError, GatewayTimeout, ValidationError,
  statusText,
} from './errors';
export type { HttpErrorOptions, ProblemDetails, ValidationIssue } from './errors';

export { jwtAuth } from './auth/jwt';
export type { JwtAuthOptions } from './auth/jwt';
export { apiKeyAuth } from './auth/api-key';
export type { ApiKeyAuthOptions, ApiKeyIdentity } from './auth/api-key';
export type { Authenticator, AuthPolicy, SecurityScheme } from './auth/authenticator';
export type { Principal } from './auth/principal';
export { cors } from './cors';
export type { CorsOptions } from './cors';
export type { Middleware } from './middleware';
export { createLogger } from './log';
export type { Logger, LogFields, LogLevel, LogSink, LoggerOptions } from './log';
export type { OpenApiDocument, OpenApiInfo } from './openapi';
