import { describe, expect, it } from 'vitest';
import { camel, carvePathOf } from './compat.js';

describe('compat module names and paths', () => {
  it('names a module with an identifier, even for a resource named by a number', () => {
    expect(camel('items router')).toBe('itemsRouter');
    expect(camel('./routes/api-v1 router')).toBe('routesApiV1Router');
    expect(camel('404 routes')).toBe('_404Routes');
  });

  it('writes Express paths in carve syntax, or says there is none', () => {
    expect(carvePathOf('/users/:id')).toBe('/users/{id}');
    expect(carvePathOf('/users/:id(\\d+)')).toBe('/users/{id}');
    expect(carvePathOf('/files/*splat')).toBe('/files/{splat+}');
    expect(carvePathOf('/a{/:b}')).toBeUndefined();
  });
});
