import { describe, expect, it } from 'vitest';
import { CarveRequest } from '../request.js';
import { createLogger } from '../log.js';
import { apiKeyAuth, constantTimeEqual } from './api-key.js';

const request = (headers: Record<string, string>) => new CarveRequest({ method: 'GET', path: '/', headers }, 'r', createLogger({ level: 'silent' }));

describe('apiKeyAuth', () => {
  const auth = apiKeyAuth({ header: 'X-Api-Key', keys: { 'key-one': { sub: 'svc-1', roles: ['reader'] }, 'key-two': { sub: 'svc-2' } } });

  it('identifies the caller of a known key', async () => {
    expect(await auth.authenticate(request({ 'x-api-key': 'key-two' }))).toEqual({ sub: 'svc-2', roles: [], scheme: 'api-key', claims: { sub: 'svc-2' } });
    expect(await auth.authenticate(request({ 'x-api-key': 'key-one' }))).toMatchObject({ sub: 'svc-1', roles: ['reader'] });
  });

  it('says nothing without the header, and 401 for an unknown key or a prefix of a known one', async () => {
    expect(await auth.authenticate(request({}))).toBeUndefined();
    await expect(auth.authenticate(request({ 'x-api-key': 'key-on' }))).rejects.toMatchObject({ status: 401 });
    await expect(auth.authenticate(request({ 'x-api-key': '' }))).rejects.toMatchObject({ status: 401 });
  });

  it('compares without an early exit', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
