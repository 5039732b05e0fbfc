import { parseCookies } from './cookies.js';
import type { Principal } from './auth/principal.js';
import { BadRequest } from './errors.js';
import type { Logger } from './log.js';
import { parseQuery, type QueryRecord } from './query.js';

/** What an adapter hands to `app.handle()`: the provider's request, already mapped to plain values. */
export interface IncomingRequest {
  method: string;
  /** The path as the client sent it: percent-encoded, without the query string. */
  path: string;
  /** The raw query string without `?` (percent-encoded). */
  rawQuery?: string | undefined;
  /** Header names in lower case; repeated values already joined with `, `. */
  headers?: Record<string, string> | undefined;
  /**
   * The size of `headers` as the header limit counts it (each name and value, plus 4 bytes), when the adapter
   * counted it on a pass of its own over them; otherwise the app counts.
   */
  headerBytes?: number | undefined;
  /**
   * The request body: its exact bytes, or its text when the platform delivers text (a Lambda event),
   * which saves decoding it again. `undefined` or empty when there is no body.
   */
  body?: Uint8Array | string | undefined;
  /**
   * Reads the body on demand, at most `limit` bytes (throwing `PayloadTooLarge` beyond it).
   * Called only once a route has matched, so an unmatched request leaves a stream untouched. A body
   * already in memory (a Lambda event's) may be returned as it is: no promise, no wait.
   */
  readBody?: ((limit: number) => Uint8Array | string | undefined | Promise<Uint8Array | string | undefined>) | undefined;
  requestId?: string | undefined;
  sourceIp?: string | undefined;
  /**
   * A caller the platform has already authenticated (an API Gateway authorizer, Azure's
   * `x-ms-client-principal`). When present it is used instead of the app's authenticators.
   */
  principal?: Principal | undefined;
  /** The provider's own request or event, for escape hatches. */
  raw?: unknown;
}

/** The provider-neutral request a handler sees. Query and cookies are parsed on first read. */
export class CarveRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly raw: unknown;
  /** The caller established by the platform, if any (see `IncomingRequest.principal`). */
  readonly platformPrincipal: Principal | undefined;
  /** Set by the adapter; read by the app once a route matched. */
  readonly readBody: IncomingRequest['readBody'];
  /** Route parameters, decoded; filled in by the router (until then one shared empty, frozen record). */
  params: Readonly<Record<string, string>> = NO_PARAMS;
  /** The matched route template, e.g. `/courses/{courseId}`; empty until routed. */
  route = '';
  #bytes: Uint8Array | undefined;
  #text: string | undefined;
  #query: QueryRecord | undefined;
  #cookies: Record<string, string> | undefined;
  #log: Logger | undefined;
  #headerBytes: number | undefined;
  readonly #appLog: Logger;

  constructor(incoming: IncomingRequest, requestId: string, appLog: Logger) {
    this.method = upperCaseMethod(incoming.method);
    this.path = incoming.path === '' ? '/' : incoming.path;
    this.rawQuery = incoming.rawQuery ?? '';
    this.headers = incoming.headers ?? {};
    this.#headerBytes = incoming.headers ? incoming.headerBytes : 0;
    this.setBody(incoming.body);
    this.requestId = requestId;
    this.sourceIp = incoming.sourceIp ?? '';
    this.raw = incoming.raw;
    this.platformPrincipal = incoming.principal;
    this.readBody = incoming.readBody;
    this.#appLog = appLog;
  }

  /** A logger bound to this request's id (made on first use). */
  get log(): Logger {
    return (this.#log ??= this.#appLog.child({ requestId: this.requestId }));
  }

  /** The size of the headers as the header limit counts it: each name and value, plus 4 bytes. */
  get headerBytes(): number {
    if (this.#headerBytes === undefined) {
      let size = 0;
      // The loop's own object read by the loop's keys: V8 reads each value off its enumeration cache, no lookup by name.
      const headers = this.headers;
      for (const name in headers) size += name.length + headers[name]!.length + 4;
      this.#headerBytes = size;
    }
    return this.#headerBytes;
  }

  /** The exact request bytes, or `undefined` when there is no body. */
  get body(): Uint8Array | undefined {
    if (this.#bytes === undefined && this.#text !== undefined) this.#bytes = encoder.encode(this.#text);
    return this.#bytes;
  }

  /** The body decoded as UTF-8 (`''` when there is none); invalid UTF-8 is a 400. */
  get text(): string {
    if (this.#text === undefined && this.#bytes !== undefined) {
      try {
        this.#text = strictUtf8.decode(this.#bytes);
      } catch {
        throw new BadRequest('the body is not valid UTF-8');
      }
    }
    return this.#text ?? '';
  }

  /** The body's size in bytes, counted without encoding it when it arrived as text. */
  get byteLength(): number {
    if (this.#bytes !== undefined) return this.#bytes.byteLength;
    return this.#text === undefined ? 0 : utf8Length(this.#text);
  }

  /** Used by adapters' lazy readers, through the app: replaces the body. */
  setBody(body: Uint8Array | string | undefined): void {
    const present = body !== undefined && (typeof body === 'string' ? body.length > 0 : body.byteLength > 0);
    this.#bytes = present && typeof body !== 'string' ? body : undefined;
    this.#text = present && typeof body === 'string' ? body : undefined;
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
    const hasBody = this.byteLength > 0 && this.method !== 'GET' && this.method !== 'HEAD';
    return new Request(url, { method: this.method, headers: this.headers, body: hasBody ? this.body ?? null : null });
  }
}

/**
 * The methods clients send are upper case already, and String#toUpperCase is a call into the runtime. Compared by name,
 * not hashed for a Set: JSON.parse interns short strings, so an event's method is one comparison of references.
 */
function upperCaseMethod(method: string): string {
  switch (method) {
    case 'GET': case 'POST': case 'PUT': case 'PATCH': case 'DELETE': case 'HEAD': case 'OPTIONS':
      return method;
    default:
      return method.toUpperCase();
  }
}
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 2; // a surrogate pair: two UTF-16 units, four bytes
      i++;
    } else length += 2;
  }
  return length;
}

/** What `app.handle()` gives back to an adapter. */
export interface CarveResponse {
  status: number;
  /** Lower-case names; never `set-cookie` (see `cookies`). */
  headers: Record<string, string>;
  /** Each `Set-Cookie` value, in order, never joined. */
  cookies: readonly string[];
  /** A string is UTF-8 text; bytes are sent as they are. */
  body: string | Uint8Array | undefined;
}
