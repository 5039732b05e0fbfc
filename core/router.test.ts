import { describe, expect, it } from 'vitest';
import { Router } from './router.js';

function router(...routes: [string, string][]) {
  const r = new Router<string>();
  for (const [method, path] of routes) r.add(method, path, `${method} ${path}`);
  return r;
}

describe('Router', () => {
  it('matches static and parameter segments, static first', () => {
    const r = router(['GET', '/users/me'], ['GET', '/users/{id}'], ['GET', '/users/{id}/grades']);
    expect(r.match('GET', '/users/me')).toMatchObject({ kind: 'found', route: { value: 'GET /users/me' } });
    expect(r.match('GET', '/users/42')).toMatchObject({ kind: 'found', params: { id: '42' } });
    expect(r.match('GET', '/users/42/grades')).toMatchObject({ kind: 'found', route: { value: 'GET /users/{id}/grades' } });
  });

  it('finds a static segment among many (hashed) as among few (compared in place), escaped or not', () => {
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const few = router(['GET', '/s1/x'], ['GET', '/{p}/x']);
    const many = router(...names.map((n): [string, string] => ['GET', `/${n}/x`]), ['GET', '/{p}/x']);
    for (const r of [few, many]) {
      expect(r.match('GET', '/s1/x')).toMatchObject({ route: { value: 'GET /s1/x' } });
      expect(r.match('GET', '/%731/x')).toMatchObject({ route: { value: 'GET /s1/x' } }); // %73 is "s"
      expect(r.match('GET', '/s1x/x')).toMatchObject({ params: { p: 's1x' } });
      expect(r.match('GET', '/s/x')).toMatchObject({ params: { p: 's' } });
    }
  });

  it('gives each match parameters of its own', () => {
    const r = router(['GET', '/a/{x}/{y}'], ['GET', '/b/{z}']);
    const first = r.match('GET', '/a/1/2');
    r.match('GET', '/b/3');
    r.match('GET', '/a/4/5');
    expect(first).toMatchObject({ params: { x: '1', y: '2' } });
    expect(r.match('GET', '/b/6')).toEqual(expect.objectContaining({ params: { z: '6' } }));
  });

  it('backtracks from a static segment to a parameter', () => {
    const r = router(['GET', '/a/b/d'], ['GET', '/a/{x}/c']);
    expect(r.match('GET', '/a/b/c')).toMatchObject({ kind: 'found', params: { x: 'b' } });
  });

  it('prefers the route that has the method when two templates match the path', () => {
    const r = router(['POST', '/a/b'], ['GET', '/a/{x}']);
    expect(r.match('GET', '/a/b')).toMatchObject({ kind: 'found', params: { x: 'b' } });
  });

  it('decodes each parameter exactly once and never splits on an encoded slash', () => {
    const r = router(['GET', '/files/{name}']);
    expect(r.match('GET', '/files/a%20b')).toMatchObject({ params: { name: 'a b' } });
    expect(r.match('GET', '/files/a%2Fb')).toMatchObject({ params: { name: 'a/b' } });
    expect(r.match('GET', '/files/%2520')).toMatchObject({ params: { name: '%20' } });
  });

  it('matches a greedy tail, decoded, keeping a trailing slash', () => {
    const r = router(['ANY', '/echo/{path+}']);
    expect(r.match('DELETE', '/echo/a%20b/c')).toMatchObject({ kind: 'found', params: { path: 'a b/c' } });
    expect(r.match('GET', '/echo/bar/')).toMatchObject({ params: { path: 'bar/' } });
    expect(r.match('GET', '/echo')).toEqual({ kind: 'not-found' });
  });

  it('ignores one trailing slash on ordinary routes', () => {
    const r = router(['GET', '/courses']);
    expect(r.match('GET', '/courses/')).toMatchObject({ kind: 'found' });
  });

  it('answers 405 with every allowed method, HEAD included with GET', () => {
    const r = router(['GET', '/courses'], ['POST', '/courses']);
    expect(r.match('DELETE', '/courses')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'HEAD', 'POST'] });
  });

  it('answers HEAD with the GET route', () => {
    const r = router(['GET', '/courses']);
    expect(r.match('HEAD', '/courses')).toMatchObject({ kind: 'found', route: { method: 'GET' } });
  });

  it('reports unknown paths as not found', () => {
    const r = router(['GET', '/courses']);
    expect(r.match('GET', '/nope')).toEqual({ kind: 'not-found' });
    expect(r.match('GET', 'courses')).toEqual({ kind: 'not-found' });
    expect(r.match('GET', '//courses')).toEqual({ kind: 'not-found' });
  });

  it('rejects a malformed escape with a 400', () => {
    const r = router(['GET', '/files/{name}']);
    expect(() => r.match('GET', '/files/%E0%A4%A')).toThrowError(expect.objectContaining({ status: 400 }));
  });

  it('rejects bad templates when the route is added', () => {
    expect(() => router(['GET', 'courses'])).toThrow(/must start with/);
    expect(() => router(['GET', '/a/{x+}/b'])).toThrow(/greedy/);
    expect(() => router(['GET', '/a/{x}/{x}'])).toThrow(/twice/);
    expect(() => router(['GET', '/a/x{y}'])).toThrow(/whole/);
    expect(() => router(['GET', '/a'], ['GET', '/a'])).toThrow(/defined twice/);
  });

  it('answers as the trie does when every route has one template (a unit of one route), matched by one expression', () => {
    const templates = ['/courses/{code}', '/courses/{code}/grades', '/a.b/{x}/c', '/', '/static', '/files/{path+}', '/caf\u00e9/{x}', '/{a}/{b}'];
    const paths = ['/courses/MATH-101', '/courses/MATH-101/', '/courses/MATH-101//', '/courses/', '/courses', '/courses/a%20b', '/courses/a%2Fb',
      '/courses/%E0%A4%A', '/courses/a/grades', '/courses/a/grades/', '/courses//grades', '/c%6Furses/x', '/a.b/1/c', '/aXb/1/c', '/', '//',
      '/static', '/static/', '/STATIC', '/files/a/b/', '/files/', '/caf%C3%A9/1', '/café/1', '/x/y', '/x/y/z', 'courses/x', ''];
    for (const template of templates) {
      for (const methods of [['GET'], ['GET', 'PUT'], ['ANY']]) {
        const one = router(...methods.map((m): [string, string] => [m, template]));
        // A second template turns the expression off: the same routes answered by the walk alone.
        const walked = router(...methods.map((m): [string, string] => [m, template]), ['GET', '/zz-only-here']);
        for (const path of paths) {
          for (const method of ['GET', 'HEAD', 'PUT', 'DELETE']) {
            const answer = (r: Router<string>) => {
              try {
                return r.match(method, path);
              } catch (error) {
                return (error as Error).message;
              }
            };
            expect(answer(one), `${methods.join(',')} ${template} ← ${method} ${path}`).toEqual(answer(walked));
          }
        }
      }
    }
  });
});
