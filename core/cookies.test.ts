import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookies.js';

describe('cookies', () => {
  it('parses a Cookie header, first name wins, quotes and escapes removed', () => {
    expect(parseCookies('a=1; b="two"; a=3; c=x%20y; bad; d=%E0')).toEqual({ a: '1', b: 'two', c: 'x y', d: '%E0' });
  });

  it('returns an empty map for no header', () => {
    expect(parseCookies(undefined)).toEqual({});
  });

  it('serializes every attribute', () => {
    const text = serializeCookie({
      name: 'session', value: 'a b', path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 60,
      expires: new Date(0), domain: 'example.com',
    });
    expect(text).toBe('session=a%20b; Domain=example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60; HttpOnly; Secure; SameSite=Lax');
  });

  it('refuses a cookie name that would break the header', () => {
    expect(() => serializeCookie({ name: 'a;b', value: '1' })).toThrow(/invalid cookie name/);
  });
});
