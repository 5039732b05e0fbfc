/** One entry of a validation failure: where it failed and why. */
export interface ValidationIssue {
  /** Dotted location, starting with the part of the request: `body.grade`, `query.limit`, `params.id`. */
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

export interface HttpErrorOptions {
  detail?: string | undefined;
  /** A URI naming the problem type (RFC 9457 `type`); defaults to `about:blank`. */
  type?: string | undefined;
  headers?: Record<string, string> | undefined;
  errors?: readonly ValidationIssue[] | undefined;
  cause?: unknown;
  /** Whether `detail` may be shown to the client. Defaults to `status < 500`. */
  expose?: boolean | undefined;
}

// RFC 9110 reason phrases. Kept here rather than taken from node:http, whose import costs a Lambda
// cold start milliseconds.
const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 300: 'Multiple Choices', 301: 'Moved Permanently',
  302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Content Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Content', 425: 'Too Early', 426: 'Upgrade Required',
  428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
};

/** The reason phrase of a status code: `404` → `Not Found`. */
export function statusText(status: number): string {
  return REASONS[status] ?? (status < 400 ? '' : status < 500 ? 'Client Error' : 'Server Error');
}



/**
 * The one error type of carve. Throw it (or a subclass) from a handler, a provider or a middleware;
 * it becomes an `application/problem+json` response (RFC 9457) carrying the request id.
 *
 * @example
 * throw new HttpError(409, { detail: 'course MATH-101 already exists' });
 */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly headers: Record<string, string>;
  readonly errors: readonly ValidationIssue[] | undefined;
  readonly expose: boolean;

  constructor(status: number, options: HttpErrorOptions | string = {}) {
    const opts = typeof options === 'string' ? { detail: options } : options;
    const title = statusText(status);
    super(opts.detail ?? title, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(`HttpError status must be an integer from 400 to 599, got ${status}`);
    }
    this.name = 'HttpError';
    this.status = status;
    this.title = title;
    this.detail = opts.detail;
    this.type = opts.type ?? 'about:blank';
    this.headers = opts.headers ?? {};
    this.errors = opts.errors;
    this.expose = opts.expose ?? status < 500;
  }
}

/** A subclass of HttpError with its status fixed: `new NotFound('no such course')`. */
export interface HttpErrorClass {
  new (options?: HttpErrorOptions | string): HttpError;
  readonly prototype: HttpError;
}

const subclass = (status: number, name: string): HttpErrorClass =>
  class extends HttpError {
    constructor(options?: HttpErrorOptions | string) {
      super(status, options);
      this.name = name;
    }
  };

export const BadRequest = subclass(400, 'BadRequest');
export const Unauthorized = subclass(401, 'Unauthorized');
export const Forbidden = subclass(403, 'Forbidden');
export const NotFound = subclass(404, 'NotFound');
export const Conflict = subclass(409, 'Conflict');
export const PayloadTooLarge = subclass(413, 'PayloadTooLarge');
export const UnsupportedMediaType = subclass(415, 'UnsupportedMediaType');
export const UnprocessableContent = subclass(422, 'UnprocessableContent');
export const TooManyRequests = subclass(429, 'TooManyRequests');
export const InternalServerError = subclass(500, 'InternalServerError');
export const GatewayTimeout = subclass(504, 'GatewayTimeout');

export class MethodNotAllowed extends HttpError {
  constructor(allowed: readonly string[]) {
    super(405, { detail: `allowed methods: ${allowed.join(', ')}`, headers: { allow: allowed.join(', ') } });
    this.name = 'MethodNotAllowed';
  }
}

/**
 * The client closed the connection before its body arrived. Nobody reads the answer, so this is no server error:
 * the app logs the request once, at info, as aborted (a cheap way to fill an error log otherwise).
 */
export class RequestAborted extends HttpError {
  constructor(options: { cause?: unknown } = {}) {
    super(400, { detail: 'the client closed the connection before its body arrived', cause: options.cause });
    this.name = 'RequestAborted';
  }
}

export class ValidationError extends HttpError {
  constructor(errors: readonly ValidationIssue[], detail = 'the request did not match the schema') {
    super(400, { detail, errors });
    this.name = 'ValidationError';
  }
}

/** The RFC 9457 body carve sends for every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string | undefined;
  instance: string;
  errors?: readonly ValidationIssue[] | undefined;
}

/** Turns anything thrown into an HttpError; unknown values become an unexposed 500. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  return new HttpError(500, { cause: error, expose: false });
}

export function problemBody(error: HttpError, requestId: string, devMode: boolean): ProblemDetails {
  const problem: ProblemDetails = { type: error.type, title: error.title, status: error.status, instance: requestId };
  if (error.expose && error.detail !== undefined) problem.detail = error.detail;
  else if (devMode) problem.detail = describeCause(error);
  if (error.errors) problem.errors = error.errors;
  return problem;
}

function describeCause(error: HttpError): string {
  const cause = error.cause;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return error.detail ?? error.title;
}
