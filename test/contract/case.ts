import { expect } from 'vitest';
import type { ContractRequest, ContractResponse } from './client.js';

/** One behaviour: a request and what any target must answer. */
/** A platform whose front end changes some requests before any code of the app runs. */
export type Platform = 'azure' | 'fetch' | 'aws-jwt-authorizer';

export interface ContractCase<Identity extends string = string> {
  name: string;
  /**
   * Where a platform answers otherwise before carve sees the request, and why: the case asserts that answer there,
   * so the difference is shown and pinned rather than skipped (`azure`: the Functions host's own URL handling;
   * `fetch`: a Fetch API runtime's `Request.url`, parsed as a WHATWG URL; `aws-jwt-authorizer`: an HTTP API whose JWT
   * authorizer refuses a bad token itself, with its own 401).
   */
  platforms?: Partial<Record<Platform, { expect: ContractCase['expect']; why: string }>>;
  /** A symbolic caller; the suite turns it into credentials. */
  as?: Identity;
  request: ContractRequest;
  expect: {
    status: number;
    /** Exact values, or patterns. */
    headers?: Record<string, string | RegExp>;
    /** Header names that must be absent. */
    absentHeaders?: string[];
    /** Matched with toMatchObject (arrays must have the same length). */
    body?: unknown;
    /** The body must be a problem+json whose `instance` is the request id. */
    problem?: boolean;
    /** Every `Set-Cookie`, in order. */
    cookies?: string[];
    /** No body at all. */
    empty?: boolean;
  };
}

export function assertCase(c: ContractCase, res: ContractResponse): void {
  const where = `${c.request.method} ${c.request.url}`;
  expect(res.status, `${where}: status (body: ${JSON.stringify(res.body)})`).toBe(c.expect.status);
  for (const [name, value] of Object.entries(c.expect.headers ?? {})) {
    if (value instanceof RegExp) expect(res.headers[name], `${where}: header ${name}`).toMatch(value);
    else if (name === 'content-type') expect(mediaType(res.headers[name], value), `${where}: content-type`).toBe(value);
    else expect(res.headers[name], `${where}: header ${name}`).toBe(value);
  }
  for (const name of c.expect.absentHeaders ?? []) expect(res.headers[name], `${where}: header ${name}`).toBeUndefined();
  if (c.expect.problem) {
    expect(mediaType(res.headers['content-type'], 'application/problem+json'), `${where}: problem content-type`).toBe('application/problem+json');
    expect(res.body, `${where}: problem body`).toMatchObject({ status: c.expect.status, title: expect.any(String), instance: res.headers['x-request-id'] });
    expect(JSON.stringify(res.body), `${where}: no stack in a problem`).not.toMatch(/\n\s+at /);
  }
  if (c.expect.body !== undefined) expect(res.body, `${where}: body`).toMatchObject(c.expect.body as object);
  if (c.expect.cookies) expect(res.cookies.map(normalizeCookie), `${where}: cookies`).toEqual(c.expect.cookies.map(normalizeCookie));
  if (c.expect.empty) expect(res.rawBody.byteLength, `${where}: empty body`).toBe(0);
}

/** Cookie attribute names are case-insensitive (RFC 6265 §5.2); the name=value pair is compared exactly. */
function normalizeCookie(setCookie: string): string {
  const [pair, ...attributes] = setCookie.split(/;\s*/);
  return [pair, ...attributes.map((a) => {
    const eq = a.indexOf('=');
    return eq === -1 ? a.toLowerCase() : a.slice(0, eq).toLowerCase() + a.slice(eq);
  })].join('; ');
}

/** A `; charset=utf-8` a platform adds to JSON changes nothing; compare parameters only when expected. */
function mediaType(actual: string | undefined, expected: string): string | undefined {
  return actual !== undefined && !expected.includes(';') ? actual.split(';')[0]!.trim() : actual;
}
