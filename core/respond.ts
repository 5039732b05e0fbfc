import type { z } from 'zod';
import { problemBody, toHttpError } from './errors';
import type { Logger } from './log';
import { Reply } from './reply';
import type { CarveResponse } from './request';

/** Turns what a handler returned into a response: `undefined` → 204, a `Reply` as given, anything else → JSON. */
export function toResponse(value: unknown, status: number, schema: z.ZodType | undefined, log: Logger): CarveResponse {
  if (value instanceof Reply) {
    const replyStatus = value.status ?? status;
    const response: CarveResponse = { status: replyStatus, headers: { ...value.headers }, cookies: value.cookies, body: undefined };
    if (value.body === undefined) return response;
    response.body = encodeBody(value.body, response.headers, replyStatus < 300 ? schema : undefined, log);
    return response;
  }
  if (value === undefined) return { status: 204, headers: {}, cookies: [], body: undefined };
  const headers: Record<string, string> = {};
  return { status, headers, cookies: [], body: encodeBody(value, headers, schema, log) };
}

function encodeBody(value: unknown, headers: Record<string, string>, schema: z.ZodType | undefined, log: Logger): string | Uint8Array {
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
  return JSON.stringify(schema ? checkResponse(schema, value, log) : value);
}

/** The response schema both documents and guards: fields it does not name are stripped. */
function checkResponse(schema: z.ZodType, value: unknown, log: Logger): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  log.error('response does not match its schema', { issues: result.error.issues });
  throw new TypeError('the handler returned a value that does not match its response schema');
}

export function problemResponse(error: unknown, requestId: string, devMode: boolean, log: Logger): CarveResponse {
  const httpError = toHttpError(error);
  if (httpError.status >= 500) log.error('request failed', { err: httpError.cause ?? httpError, status: httpError.status });
  return {
    status: httpError.status,
    headers: { ...httpError.headers, 'content-type': 'application/problem+json' },
    cookies: [],
    body: JSON.stringify(problemBody(httpError, requestId, devMode)),
  };
}
