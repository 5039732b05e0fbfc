import { parseCookies } from './cookies';
import type { Logger } from './log';
import { parseQuery, type QueryRecord } from './query';

/** What an adapter hands to `app.handle()`: the provider's request, already mapped to plain values. */
export interface IncomingRequest {
  method: string;
  /** The path as the client sent it: percent-encoded, without the query string. */
  path: string;
  /** The raw query string without `?` (percent-encoded). */
  rawQuery?: string;
  /** Header names in lower case; repeated values already joined with `, `. */
  headers?: Record<string, string>;
  /** The exact request bytes; `undefined` or empty when there is no body. */
  body?: Uint8Array;
  /**
   * For streamed bodies: reads at most `limit` bytes (throwing `PayloadTooLarge` beyond it).
   * Called only once a route has matched, so an unmatched request leaves its stream untouched.
   */
  readBody?: (limit: number) => Promise<Uint8Array | undefined>;
  requestId?: string;
  sourceIp?: string;
  /** The provider's own request or event, for escape hatches. */
  raw?: unknown;
}

/** The provider-neutral request a handler sees. Query and cookies are parsed on first read. */
export class CarveRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact request bytes, or `undefined` when there is no body. */
  body: Uint8Array | undefined;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly raw: unknown;
  /** A logger bound to this request's id. */
  readonly log: Logger;
  /** Route parameters, decoded; filled in by the router. */
  params: Record<string, string> = {};
  /** The matched route template, e.g. `/courses/{courseId}`; empty until routed. */
  route = '';
  #query: QueryRecord | undefined;
  #cookies: Record<string, string> | undefined;

  constructor(incoming: IncomingRequest, requestId: string, log: Logger) {
    this.method = incoming.method.toUpperCase();
    this.path = incoming.path === '' ? '/' : incoming.path;
    this.rawQuery = incoming.rawQuery ?? '';
    this.headers = incoming.headers ?? {};
    this.body = nonEmpty(incoming.body);
    this.requestId = requestId;
    this.sourceIp = incoming.sourceIp ?? '';
    this.raw = incoming.raw;
    this.log = log;
  }

  get query(): QueryRecord {
    return (this.#query ??= parseQuery(this.rawQuery));
  }

  get cookies(): Record<string, string> {
    return (this.#cookies ??= parseCookies(this.headers['cookie']));
  }

  /** The media type of the body, lower case, without parameters (`application/json`). */
  get contentType(): string {
    const header = this.headers['content-type'];
    if (!header) return '';
    const semi = header.indexOf(';');
    return (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  }

  /**
   * A Fetch API `Request` for code that wants one. Built on demand: the first use of the global
   * `Request` class costs tens of milliseconds, so carve keeps it off the hot path.
   */
  toWebRequest(origin = `http://${this.headers['host'] ?? 'localhost'}`): Request {
    const url = origin + this.path + (this.rawQuery ? `?${this.rawQuery}` : '');
    const hasBody = this.body !== undefined && this.method !== 'GET' && this.method !== 'HEAD';
    return new Request(url, { method: this.method, headers: this.headers, body: hasBody ? this.body : null });
  }
}

export function nonEmpty(bytes: Uint8Array | undefined): Uint8Array | undefined {
  return bytes && bytes.byteLength > 0 ? bytes : undefined;
}

/** What `app.handle()` gives back to an adapter. */
export interface CarveResponse {
  status: number;
  /** Lower-case names; never `set-cookie` (see `cookies`). */
  headers: Record<string, string>;
  /** Each `Set-Cookie` value, in order, never joined. */
  cookies: string[];
  /** A string is UTF-8 text; bytes are sent as they are. */
  body: string | Uint8Array | undefined;
}
