import { TooManyRequests } from './errors.js';
import type { Middleware } from './middleware.js';
import type { CarveRequest } from './request.js';

/** Where the counts of a rate limit live: in the process by default; give one outside it (Redis…) for one limit across units and instances. */
export interface RateLimitStore {
  /** Counts one request of `key` in its current window (opening one of `windowMs` if none is open) and says where it stands. */
  increment(key: string, windowMs: number): RateLimitCount | Promise<RateLimitCount>;
}

export interface RateLimitCount {
  /** Requests counted in the window, this one included. */
  count: number;
  /** When the window ends, in ms since the epoch. */
  resetAt: number;
}

/** The rate-limit headers of the IETF drafts express-rate-limit speaks (`draft-6`: `RateLimit-Limit`…; `draft-7`: one `RateLimit`; `draft-8`: named policies), or none. */
export type RateLimitHeaders = 'draft-6' | 'draft-7' | 'draft-8' | false;

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  limit: number;
  /** The window's length in ms. */
  windowMs: number;
  /**
   * Who a client is. Default: the address the platform reports (`request.sourceIp`), IPv6 addresses by their /56
   * network, since one host is given a whole range of them.
   */
  key?: ((request: CarveRequest) => string) | undefined;
  /** Requests that are not counted (a health check). */
  skip?: ((request: CarveRequest) => boolean) | undefined;
  /** Default: in this process's memory, so each unit and each function instance counts on its own. */
  store?: RateLimitStore | undefined;
  /** Default `'draft-8'`. */
  headers?: RateLimitHeaders | undefined;
  /** Also `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds), as older clients read. Default false. */
  legacyHeaders?: boolean | undefined;
  /** The problem's `detail` when a client is over its limit. */
  message?: string | undefined;
  /** The network size IPv6 clients are counted by (32–64). Default 56. */
  ipv6Subnet?: number | undefined;
}

/**
 * Limits each client to `limit` requests per window of `windowMs` (a fixed window per client, as express-rate-limit
 * counts), answering a 429 problem with `Retry-After` beyond it. Every request through the app counts, the ones
 * a remainder answers included.
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`rateLimit: limit must be a whole number of requests, got ${limit}`);
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new TypeError(`rateLimit: windowMs must be a positive number of ms, got ${windowMs}`);
  const subnet = options.ipv6Subnet ?? 56;
  if (!Number.isInteger(subnet) || subnet < 32 || subnet > 64) throw new TypeError(`rateLimit: ipv6Subnet must be a whole number from 32 to 64, got ${subnet}`);
  const store = options.store ?? memoryStore();
  const keyOf = options.key ?? ((request: CarveRequest) => clientKey(request.sourceIp, subnet));
  const draft = options.headers ?? 'draft-8';
  const policy = `${limit}-in-${duration(windowMs)}`;

  return async (request, next) => {
    if (options.skip?.(request)) return next();
    const { count, resetAt } = await store.increment(keyOf(request), windowMs);
    const remaining = Math.max(limit - count, 0);
    const resetSeconds = Math.max(0, Math.ceil((resetAt - Date.now()) / 1000));
    const headers: Record<string, string> = {};
    const windowSeconds = Math.ceil(windowMs / 1000);
    if (options.legacyHeaders) {
      Object.assign(headers, { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)) });
    }
    if (draft === 'draft-6') {
      Object.assign(headers, { 'ratelimit-policy': `${limit};w=${windowSeconds}`, 'ratelimit-limit': String(limit), 'ratelimit-remaining': String(remaining), 'ratelimit-reset': String(resetSeconds) });
    } else if (draft === 'draft-7') {
      Object.assign(headers, { 'ratelimit-policy': `${limit};w=${windowSeconds}`, ratelimit: `limit=${limit}, remaining=${remaining}, reset=${resetSeconds}` });
    } else if (draft === 'draft-8') {
      Object.assign(headers, { 'ratelimit-policy': `"${policy}"; q=${limit}; w=${windowSeconds}`, ratelimit: `"${policy}"; r=${remaining}; t=${resetSeconds}` });
    }
    if (count > limit) {
      if (options.legacyHeaders || draft) headers['retry-after'] = String(resetSeconds);
      throw new TooManyRequests({ detail: options.message ?? 'too many requests, try again later', headers });
    }
    const response = await next();
    // A header the handler set itself (a limit of its own) wins.
    for (const [name, value] of Object.entries(headers)) response.headers[name] ??= value;
    return response;
  };
}

/**
 * Counts in this process's memory: a fixed window per key, opened by its first request. Windows that ended are
 * swept once per window length, on a request rather than a timer, so nothing runs between requests.
 */
export function memoryStore(): RateLimitStore {
  const windows = new Map<string, RateLimitCount>();
  let nextSweep = 0;
  return {
    increment(key, windowMs) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
        nextSweep = now + windowMs;
      }
      let open = windows.get(key);
      if (!open || open.resetAt <= now) windows.set(key, (open = { count: 0, resetAt: now + windowMs }));
      open.count += 1;
      return { ...open };
    },
  };
}

/** An IPv4 address as it is; an IPv6 one as its network of `subnet` bits (an IPv4-mapped one as its IPv4 address). */
export function clientKey(address: string, subnet: number): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address.replace(/%.*$/, ''));
  if (!groups) return address;
  const bits = groups.map((g) => g.toString(2).padStart(16, '0')).join('').slice(0, subnet).padEnd(128, '0');
  const network = Array.from({ length: 8 }, (_, i) => parseInt(bits.slice(i * 16, i * 16 + 16), 2).toString(16));
  return `${network.join(':')}/${subnet}`;
}

/** `2001:db8::1` as its eight 16-bit groups, or undefined when it is not an IPv6 address. */
function expandIpv6(address: string): number[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const [head, tail] = [part(halves[0]), part(halves[1])];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => parseInt(g, 16)) : undefined;
}

/** `15min`, `1hr`, `2days`: the policy name express-rate-limit gives a window in draft-8 headers. */
function duration(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds < 60) return `${seconds}sec`;
  if (seconds < 3600) return `${seconds / 60}min`;
  if (seconds < 86_400) return `${seconds / 3600}hr${seconds / 3600 > 1 ? 's' : ''}`;
  return `${seconds / 86_400}day${seconds / 86_400 > 1 ? 's' : ''}`;
}
