import { describe, expect, it } from 'vitest';
import { handler, resourceOf } from './handler.js';

describe('resourceOf', () => {
  it('names a resource after the first literal segment, always starting with a letter', () => {
    expect(resourceOf('/courses/{id}/grades')).toBe('courses');
    expect(resourceOf('/api-docs')).toBe('api-docs');
    expect(resourceOf('/{id}')).toBe('root');
    expect(resourceOf('/')).toBe('root');
    // `/404` and `/500` are routes of real apps (error pages): their resource is a valid name, not an error.
    expect(resourceOf('/404')).toBe('route-404');
    expect(handler({ method: 'GET', path: '/403', auth: 'public' }, () => undefined).resource).toBe('route-403');
  });

  it('refuses a resource given by hand that is not a name', () => {
    expect(() => handler({ method: 'GET', path: '/x', resource: 'Bad Name', auth: 'public' }, () => undefined)).toThrow(/resource "Bad Name" must be lower-case letters, digits and dashes/);
  });
});
