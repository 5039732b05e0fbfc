import { describe, expect, it } from 'vitest';
import { lowerCaseSize, mergeHeaders, responseHeaders } from './headers.js';

describe('mergeHeaders', () => {
  it('hands back a map of lower-case names and string values as it is (no copy per request)', () => {
    const single = { accept: 'application/json', 'x-trace': 'a' };
    expect(mergeHeaders(single, undefined)).toBe(single);
    const mixed = { Accept: 'application/json', 'x-trace': 'a' };
    expect(mergeHeaders(mixed, undefined)).not.toBe(mixed);
  });

  it('lower-cases other names and joins the values they share, cookies with "; "', () => {
    expect(mergeHeaders({ Accept: 'text/html', accept: 'application/json', Cookie: 'a=1', cookie: 'b=2' }, undefined))
      .toEqual({ accept: 'text/html, application/json', cookie: 'a=1; b=2' });
  });

  it('skips values that are not strings, whichever path the map takes', () => {
    expect(mergeHeaders({ accept: 'text/html', 'x-n': 7 as never }, undefined)).toEqual({ accept: 'text/html' });
    expect(mergeHeaders({ Accept: 'text/html', 'x-n': null as never }, undefined)).toEqual({ accept: 'text/html' });
  });

  it('tells lower-case maps from others whatever came before (it remembers the last names found lower case)', () => {
    const lower = { accept: 'a', host: 'h', 'x-trace': 't' };
    expect(mergeHeaders(lower, undefined)).toBe(lower);
    expect(mergeHeaders(lower, undefined)).toBe(lower);
    const laterUpper = { accept: 'a', host: 'h', 'X-Trace': 't' };
    expect(mergeHeaders(laterUpper, undefined)).toEqual(lower);
    expect(mergeHeaders(laterUpper, undefined)).not.toBe(laterUpper);
    const fewer = { accept: 'a' };
    expect(mergeHeaders(fewer, undefined)).toBe(fewer);
    const more = { accept: 'a', host: 'h', 'x-trace': 't', Via: 'v' };
    expect(mergeHeaders(more, undefined)).toEqual({ ...lower, via: 'v' });
    const reordered = { host: 'h', accept: 'a' };
    expect(mergeHeaders(reordered, undefined)).toBe(reordered);
    expect(mergeHeaders({ host: 'h', accept: 7 as never }, undefined)).toEqual({ host: 'h' });
  });

  it('lower-cases every time, also past the names it remembers', () => {
    for (let i = 0; i < 300; i++) expect(mergeHeaders({ [`X-Name-${i}`]: 'v' }, undefined)).toEqual({ [`x-name-${i}`]: 'v' });
  });
});

describe('lowerCaseSize', () => {
  it('counts a map of lower-case names and string values as the header limit does, and refuses anything else', () => {
    expect(lowerCaseSize({ accept: 'a/b', host: 'h' })).toBe(6 + 3 + 4 + 4 + 1 + 4);
    expect(lowerCaseSize({})).toBe(0);
    expect(lowerCaseSize({ accept: 'a/b', Host: 'h' })).toBe(-1);
    expect(lowerCaseSize({ accept: 'a/b', host: 7 })).toBe(-1);
    for (const notMap of [null, undefined, 'x', ['a']]) expect(lowerCaseSize(notMap)).toBe(-1);
  });
});

describe('responseHeaders', () => {
  it('drops hop-by-hop headers and keeps the rest', () => {
    expect(responseHeaders({ 'content-type': 'application/json', connection: 'close', 'transfer-encoding': 'chunked', 'x-request-id': 'r' }))
      .toEqual({ 'content-type': 'application/json', 'x-request-id': 'r' });
  });

  it('drops each of the eight, and keeps names of the same lengths', () => {
    const hopByHop = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authenticate', 'proxy-authorization'];
    const alike = { expires: '0', 'x-trace-id': 'on', 'x-amzn-trace-header': '4', tk: 'N', 'x-request-started': '1', 'x-content-duration': '2', 'access-control-max': '3' };
    expect(responseHeaders({ ...Object.fromEntries(hopByHop.map((name) => [name, 'x'])), ...alike })).toEqual(alike);
  });
});
