import { serializeCookie, type Cookie } from './cookies.js';

export interface ReplyInit {
  status?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** `Set-Cookie` values, as strings or as cookie objects. */
  cookies?: readonly (string | Cookie)[] | undefined;
  /** A string (text), bytes, or any other value (JSON). */
  body?: unknown;
}

/** An explicit response from a handler: status, headers, cookies and body. */
export class Reply {
  readonly status: number | undefined;
  readonly headers: Record<string, string>;
  readonly cookies: string[];
  readonly body: unknown;

  constructor(init: ReplyInit) {
    if (init.status !== undefined && (!Number.isInteger(init.status) || init.status < 100 || init.status > 599)) {
      throw new TypeError(`reply status must be an integer from 100 to 599, got ${init.status}`);
    }
    this.status = init.status;
    this.headers = {};
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      assertHeader(name, value);
      this.headers[name.toLowerCase()] = value;
    }
    this.cookies = (init.cookies ?? []).map((c) => {
      const text = typeof c === 'string' ? c : serializeCookie(c);
      assertHeader('set-cookie', text);
      if (!SET_COOKIE.test(text)) throw new TypeError(`invalid Set-Cookie value ${JSON.stringify(text.slice(0, 40))}: it must start with name=value`);
      return text;
    });
    this.body = init.body;
  }
}

/**
 * @example
 * return reply({ status: 201, headers: { location: `/courses/${id}` }, body: course });
 */
export function reply(init: ReplyInit): Reply {
  return new Reply(init);
}

const SET_COOKIE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_VALUE = /[\r\n\0]/;

/** Header injection guard: a name must be an RFC 9110 token, a value must carry no CR, LF or NUL. */
export function assertHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name)) throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
  if (typeof value !== 'string' || FORBIDDEN_VALUE.test(value)) {
    throw new TypeError(`invalid value for header ${name}: it must be a string without CR, LF or NUL`);
  }
}
