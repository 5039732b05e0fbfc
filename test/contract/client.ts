import { request as httpRequest } from 'node:http';
import request from 'supertest';
import type { App } from 'carve';

/** One HTTP request, described without any target in mind. */
export interface ContractRequest {
  method: string;
  /** Path and query as sent on the wire, e.g. `/echo/a%20b?x=1`. */
  url: string;
  /** A string[] value is sent as repeated header lines. */
  headers?: Record<string, string | string[]>;
  /** Bytes and strings are sent as they are; anything else as JSON (with its content-type). */
  body?: unknown;
}

export interface ContractResponse {
  status: number;
  /** Lower-case names, `set-cookie` excluded (see `cookies`). */
  headers: Record<string, string>;
  cookies: string[];
  /** JSON for JSON media types, text otherwise, `undefined` when empty. */
  body: unknown;
  rawBody: Uint8Array;
}

/** What each target supplies: generic request in, generic response out. */
export type Client = (request: ContractRequest) => Promise<ContractResponse>;

export function decodeBody(raw: Uint8Array, contentType: string | undefined): unknown {
  if (raw.byteLength === 0) return undefined;
  const text = Buffer.from(raw).toString('utf8');
  return contentType && /[/+]json\b/.test(contentType) ? JSON.parse(text) : text;
}

export function encodeBody(req: ContractRequest): { body: Buffer | undefined; headers: Record<string, string | string[]> } {
  const headers = { ...req.headers };
  if (req.body === undefined) return { body: undefined, headers };
  if (typeof req.body === 'string' || req.body instanceof Uint8Array) return { body: Buffer.from(req.body), headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if (!hasType) headers['content-type'] = 'application/json';
  return { body: Buffer.from(JSON.stringify(req.body)), headers };
}

/** In-process, through `app.inject`. */
export function injectClient(app: App): Client {
  return async (req) => {
    const { body, headers } = encodeBody(req);
    const res = await app.inject({ method: req.method, url: req.url, headers, body });
    return { status: res.status, headers: res.headers, cookies: res.cookies, body: res.body, rawBody: res.rawBody };
  };
}

/** Over a real socket with supertest, against any Node request listener or server. */
export function supertestClient(target: Parameters<typeof request>[0]): Client {
  return async (req) => {
    const { body, headers } = encodeBody(req);
    const method = req.method.toLowerCase() as 'get';
    // serialize as-is: superagent would otherwise JSON-encode a Buffer sent with a JSON content-type.
    let call = request(target)[method](req.url).buffer(true).parse(collectBytes as never).serialize((b: unknown) => b as string);
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value as string);
    const res = await (body === undefined ? call : call.send(body));
    return fromNodeHeaders(res.status, res.headers as Record<string, string | string[]>, Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0));
  };
}

export function fromNodeHeaders(status: number, nodeHeaders: Record<string, string | string[] | undefined>, raw: Uint8Array): ContractResponse {
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (value === undefined) continue;
    if (name.toLowerCase() === 'set-cookie') cookies = Array.isArray(value) ? value : [value];
    else headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const rawBody = raw ?? new Uint8Array();
  return { status, headers, cookies, body: decodeBody(rawBody, headers['content-type']), rawBody };
}

function collectBytes(res: NodeJS.ReadableStream, done: (error: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

/**
 * Over HTTP, against a server listening at `base`, with the target sent exactly as written: fetch (WHATWG URL
 * parsing) would resolve `%2e%2e` and `..` segments before sending, which no raw client, proxy or attacker has to.
 */
export function httpClient(base: string): Client {
  const { hostname, port } = new URL(base);
  return async (req) => {
    const { body, headers } = encodeBody(req);
    if (body !== undefined) headers['content-length'] = String(body.length);
    return new Promise<ContractResponse>((resolve, reject) => {
      const call = httpRequest({ hostname, port, method: req.method, path: req.url, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(fromNodeHeaders(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
        res.on('error', reject);
      });
      call.on('error', reject);
      call.end(body);
    });
  };
}
