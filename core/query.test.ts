import { describe, expect, it } from 'vitest';
import { parseQuery, stringifyQuery, stripBasePath } from './query.js';

describe('parseQuery', () => {
  it('decodes plus as space and percent escapes once', () => {
    const q = parseQuery('literalPlus=a+b&encodedPlus=a%2Bb&redirect=https%3A%2F%2Fexample.com%2Fa%2Fb&empty=&double=%2520');
    expect(q).toEqual({ literalPlus: 'a b', encodedPlus: 'a+b', redirect: 'https://example.com/a/b', empty: '', double: '%20' });
  });

  it('keeps repeated keys as an array in arrival order and never splits on commas', () => {
    expect(parseQuery('repeat=one&repeat=two&k=a%2Cb&c=x,y')).toEqual({ repeat: ['one', 'two'], k: 'a,b', c: 'x,y' });
  });

  it('treats a key without "=" as an empty value and skips empty parts', () => {
    expect(parseQuery('flag&&x=1')).toEqual({ flag: '', x: '1' });
  });

  it('rejects malformed escapes with a 400', () => {
    expect(() => parseQuery('x=%E0%A4%A')).toThrowError(expect.objectContaining({ status: 400 }));
  });

  it('does not let __proto__ pollute anything', () => {
    const q = parseQuery('__proto__=x&constructor=y');
    expect(q['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.getPrototypeOf(q)).toBeNull();
  });

  it('round-trips through stringifyQuery', () => {
    const q = { a: 'x y', b: ['1', '2'], c: 'a+b&c=d' };
    expect(parseQuery(stringifyQuery(q))).toEqual(q);
  });
});

describe('stripBasePath', () => {
  it('strips only at a segment boundary', () => {
    expect(stripBasePath('/api/x', '/api')).toBe('/x');
    expect(stripBasePath('/api', '/api')).toBe('/');
    expect(stripBasePath('/api/x', '/api/')).toBe('/x');
    expect(stripBasePath('/apis/x', '/api')).toBe('/apis/x');
    expect(stripBasePath('/x/api/y', '/api')).toBe('/x/api/y');
    expect(stripBasePath('/x', '')).toBe('/x');
  });
});
