import { describe, expect, it } from 'vitest';
import { encodePath } from './path.js';

describe('encodePath', () => {
  it('encodes a decoded HTTP API rawPath, so it is decoded exactly once later', () => {
    expect(encodePath('/capture/space value')).toBe('/capture/space%20value');
    expect(encodePath('/what?#100%')).toBe('/what%3F%23100%25');
    expect(encodePath('/λ')).toBe('/%CE%BB');
  });

  it('leaves a path that is already encoded (serverless-offline) as it is', () => {
    expect(encodePath('/capture/space%20value')).toBe('/capture/space%20value');
    expect(encodePath('/plain/path')).toBe('/plain/path');
  });
});
