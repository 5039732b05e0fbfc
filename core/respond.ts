import { problemBody, toHttpError } from './errors.js';
import { Reply } from './reply.js';
import type { CarveRequest, CarveResponse } from './request.js';
import { reportIssues, type Schema } from './schema.js';

/** Turns what a handler returned into a response: `undefined` → 204, a `Reply` as given, anything else → JSON. */
export function toResponse(value: unknown, status: number, schema: Schema | undefined, request: CarveRequest): CarveResponse {
  if (value instanceof Reply) {
    const replyStatus = value.status ?? status;
    const response: CarveResponse = { status: replyStatus, headers: { ...value.headers }, cookies: value.cookies, body: undefined };
    if (value.body === undefined) return response;
    response.body = encodeBody(value.body, response.headers, replyStatus < 300 ? schema : undefined, request);
    return response;
  }
  if (value === undefined) return { status: 204, headers: {}, cookies: NO_COOKIES, body: undefined };
  // The common answer, an object as JSON, with its headers made in one literal (x-request-id too, which the app
  // sets on every response: added later, it would cost the object a second allocation for its properties).
  if (typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof ArrayBuffer)) {
    const headers = { 'content-type': 'application/json', 'x-request-id': request.requestId };
    return { status, headers, cookies: NO_COOKIES, body: jsonBody(value, schema, request) };
  }
  const headers: Record<string, string> = {};
  return { status, headers, cookies: NO_COOKIES, body: encodeBody(value, headers, schema, request) };
}

/** What a handler's result is as a value (for in-process callers): a Reply's body, checked by the response schema. */
export function resultValue(value: unknown, schema: Schema | undefined, request: CarveRequest): unknown {
  const body = value instanceof Reply ? value.body : value;
  if (!schema || body === undefined || body instanceof Uint8Array || typeof body === 'string') return body;
  return checkResponse(schema, body, request);
}

function encodeBody(value: unknown, headers: Record<string, string>, schema: Schema | undefined, request: CarveRequest): string | Uint8Array {
  if (typeof value === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return value;
  }
  if (value instanceof Uint8Array) {
    headers['content-type'] ??= 'application/octet-stream';
    return value;
  }
  if (value instanceof ArrayBuffer) {
    headers['content-type'] ??= 'application/octet-stream';
    return new Uint8Array(value);
  }
  headers['content-type'] ??= 'application/json';
  return jsonBody(value, schema, request);
}

function jsonBody(value: unknown, schema: Schema | undefined, request: CarveRequest): string {
  return JSON.stringify(schema ? checkResponse(schema, value, request) : value);
}

/** The response schema both documents and guards: fields it does not name are stripped. */
function checkResponse(schema: Schema, value: unknown, request: CarveRequest): unknown {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('the response schema validates asynchronously; a response schema must check synchronously');
  if (result.issues === undefined) return result.value;
  request.log.error('response does not match its schema', { issues: reportIssues(result.issues, undefined) });
  throw new TypeError('the handler returned a value that does not match its response schema');
}

export function problemResponse(error: unknown, request: CarveRequest, devMode: boolean): CarveResponse {
  const httpError = toHttpError(error);
  if (httpError.status >= 500) request.log.error('request failed', { err: httpError.cause ?? httpError, status: httpError.status });
  return {
    status: httpError.status,
    headers: { ...httpError.headers, 'content-type': 'application/problem+json' },
    cookies: NO_COOKIES,
    body: JSON.stringify(problemBody(httpError, request.requestId, devMode)),
  };
}

// Shared by every response without cookies; frozen so that nobody appends to it.
const NO_COOKIES: readonly string[] = Object.freeze([]);
