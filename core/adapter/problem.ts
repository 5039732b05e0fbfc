import { HttpError, problemBody } from '../errors.js';
import type { CarveResponse } from '../request.js';

export interface ProblemInit {
  detail?: string | undefined;
  /** The request id, as `instance`; empty when the platform gave none. */
  instance?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * The problem+json response carve sends for an error, for an adapter that must answer without the app
 * (a unit that did not answer, a status the platform cannot send): the same body the app would give.
 *
 * @example
 * problemResponse(502, { detail: 'the unit did not answer' })
 */
export function problemResponse(status: number, init: ProblemInit = {}): CarveResponse {
  const error = new HttpError(status, { detail: init.detail, headers: init.headers });
  return {
    status,
    headers: { ...error.headers, 'content-type': 'application/problem+json' },
    cookies: [],
    body: JSON.stringify(problemBody(error, init.instance ?? '', false)),
  };
}
