import { describe, expect, it } from 'vitest';
import { HTTP_METHODS } from './handler.js';
import { createLogger } from './log.js';
import { CarveRequest, type IncomingRequest } from './request.js';

const request = (incoming: Partial<IncomingRequest>) => new CarveRequest({ method: 'GET', path: '/', ...incoming }, 'req-1', createLogger({ level: 'silent' }));

describe('CarveRequest', () => {
  it('keeps every method carve routes as it is, and upper-cases any other', () => {
    for (const method of HTTP_METHODS) expect(request({ method }).method).toBe(method);
    expect(request({ method: 'get' }).method).toBe('GET');
    expect(request({ method: 'Patch' }).method).toBe('PATCH');
    expect(request({ method: 'PROPFIND' }).method).toBe('PROPFIND');
  });

  it('counts its header section as the header limit does, unless the adapter counted it', () => {
    expect(request({ headers: { accept: 'a/b', host: 'h' } }).headerBytes).toBe(6 + 3 + 4 + 4 + 1 + 4);
    expect(request({ headers: { accept: 'a/b' }, headerBytes: 99 }).headerBytes).toBe(99);
    expect(request({}).headerBytes).toBe(0);
  });
});
