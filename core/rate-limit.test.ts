import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.js';
import { handler } from './handler.js';
import { clientKey, memoryStore, rateLimit, type RateLimitOptions } from './rate-limit.js';

const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => 'pong');
const appWith = (options: RateLimitOptions) => createApp({ handlers: [ping], middleware: [rateLimit(options)], logger: { level: 'silent' } });
const from = (ip: string, url = '/ping') => ({ method: 'GET', url, sourceIp: ip });

describe('rateLimit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T12:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('answers a 429 problem with Retry-After past the limit, per client, until the window ends', async () => {
    const app = appWith({ limit: 2, windowMs: 60_000 });
    const statuses = async (ip: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await app.inject(from(ip))).status);
      return out;
    };
    expect(await statuses('10.0.0.1', 3)).toEqual([200, 200, 429]);
    expect(await statuses('10.0.0.2', 1)).toEqual([200]);
    vi.setSystemTime(new Date('2026-12-03T12:00:45.000Z'));
    const limited = await app.inject(from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': '15', ratelimit: '"2-in-1min"; r=0; t=15' });
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'too many requests, try again later' });
    vi.setSystemTime(new Date('2026-12-03T12:01:00.000Z'));
    expect(await statuses('10.0.0.1', 1)).toEqual([200]);
  });

  it('writes the headers of the draft asked for, and the legacy X-RateLimit-* ones when asked', async () => {
    const headersOf = async (options: Partial<RateLimitOptions>) => (await appWith({ limit: 5, windowMs: 900_000, ...options }).inject(from('10.0.0.1'))).headers;
    expect(await headersOf({})).toMatchObject({ 'ratelimit-policy': '"5-in-15min"; q=5; w=900', ratelimit: '"5-in-15min"; r=4; t=900' });
    expect(await headersOf({ headers: 'draft-7' })).toMatchObject({ 'ratelimit-policy': '5;w=900', ratelimit: 'limit=5, remaining=4, reset=900' });
    expect(await headersOf({ headers: 'draft-6' })).toMatchObject({ 'ratelimit-policy': '5;w=900', 'ratelimit-limit': '5', 'ratelimit-remaining': '4', 'ratelimit-reset': '900' });
    const legacy = await headersOf({ headers: false, legacyHeaders: true });
    expect(legacy).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': String(Date.parse('2026-12-03T12:15:00.000Z') / 1000) });
    expect(legacy['ratelimit']).toBeUndefined();
    const none = await appWith({ limit: 0, windowMs: 1000, headers: false }).inject(from('10.0.0.1'));
    expect([none.status, none.headers['retry-after'], none.headers['ratelimit']]).toEqual([429, undefined, undefined]);
  });

  it('counts the requests no handler answers, and skips what it is told to', async () => {
    const app = appWith({ limit: 1, windowMs: 60_000, skip: (r) => r.path === '/ping' });
    expect((await app.inject(from('10.0.0.1', '/nowhere'))).status).toBe(404);
    expect((await app.inject(from('10.0.0.1', '/nowhere'))).status).toBe(429);
    expect((await app.inject(from('10.0.0.1'))).status).toBe(200);
  });

  it('counts an IPv6 host by its /56 network, and keys clients as told', async () => {
    const app = appWith({ limit: 1, windowMs: 60_000 });
    expect((await app.inject(from('2001:db8:1:ab00::1'))).status).toBe(200);
    expect((await app.inject(from('2001:db8:1:abff:ffff::2'))).status).toBe(429);
    expect((await app.inject(from('2001:db8:1:ac00::1'))).status).toBe(200);
    const byKey = appWith({ limit: 1, windowMs: 60_000, key: (r) => r.headers['x-api-key'] ?? 'anonymous' });
    const withKey = (key: string) => byKey.inject({ method: 'GET', url: '/ping', headers: { 'x-api-key': key }, sourceIp: '10.0.0.1' });
    expect([(await withKey('a')).status, (await withKey('b')).status, (await withKey('a')).status]).toEqual([200, 200, 429]);
  });

  it('keeps its counts where it is told (a store outside the process, async)', async () => {
    const seen: string[] = [];
    const store = { increment: async (key: string, windowMs: number) => (seen.push(key), { count: 7, resetAt: Date.now() + windowMs }) };
    const res = await appWith({ limit: 5, windowMs: 10_000, store }).inject(from('10.0.0.9'));
    expect([res.status, seen]).toEqual([429, ['10.0.0.9']]);
  });

  it('refuses options that cannot limit anything at start-up', () => {
    expect(() => rateLimit({ limit: 1.5, windowMs: 1000 })).toThrow(/limit must be a whole number/);
    expect(() => rateLimit({ limit: 1, windowMs: 0 })).toThrow(/windowMs must be a positive number/);
    expect(() => rateLimit({ limit: 1, windowMs: 1000, ipv6Subnet: 80 })).toThrow(/ipv6Subnet must be a whole number from 32 to 64/);
  });
});

describe('memoryStore', () => {
  afterEach(() => vi.useRealTimers());

  it('opens a window on the first request of a key and forgets ended windows', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const store = memoryStore();
    expect(store.increment('a', 1000)).toEqual({ count: 1, resetAt: 1_001_000 });
    expect(store.increment('a', 1000)).toEqual({ count: 2, resetAt: 1_001_000 });
    vi.setSystemTime(1_001_000);
    expect(store.increment('a', 1000)).toEqual({ count: 1, resetAt: 1_002_000 });
  });
});

describe('clientKey', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped ones and groups IPv6 ones by network', () => {
    expect(clientKey('192.0.2.7', 56)).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7', 56)).toBe('192.0.2.7');
    expect(clientKey('2001:db8:0:12ff:1::9', 56)).toBe('2001:db8:0:1200:0:0:0:0/56');
    expect(clientKey('2001:db8:0:12ff:1::9', 48)).toBe('2001:db8:0:0:0:0:0:0/48');
    expect(clientKey('fe80::1%eth0', 64)).toBe('fe80:0:0:0:0:0:0:0/64');
    expect(clientKey('', 56)).toBe('');
  });
});
