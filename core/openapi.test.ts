import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './app.js';
import { apiKeyAuth } from './auth/api-key.js';
import { handler } from './handler.js';

const Course = z.object({ code: z.string(), credits: z.number().int() }).meta({ id: 'OpenApiCourse' });

const handlers = [
  handler({
    method: 'GET', path: '/courses/{code}', summary: 'Read a course',
    params: z.object({ code: z.string().regex(/^[A-Z]+-\d+$/) }),
    query: z.object({ expand: z.enum(['teacher', 'grades']).optional(), limit: z.coerce.number().int().default(10) }),
    headers: z.object({ 'x-tenant': z.string() }),
    response: Course,
  }, ({ params }) => ({ code: params.code, credits: 1 })),
  handler({
    method: 'POST', path: '/courses', auth: { roles: ['teacher'] }, status: 201, body: Course, response: z.array(Course),
  }, () => []),
  handler({ method: 'ANY', path: '/files/{path+}', auth: 'public' }, () => undefined),
];

const app = createApp({
  name: 'openapi-test', handlers, auth: apiKeyAuth({ keys: { k: { sub: 'x' } } }),
  openapi: { title: 'Test API', version: '2.0.0', servers: [{ url: 'https://api.example.test' }] },
});

describe('app.openapi()', () => {
  const doc = app.openapi();

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'Test API', version: '2.0.0' }, servers: [{ url: 'https://api.example.test' }] });
  });

  it('describes path, query and header parameters from the schemas', () => {
    const op = doc.paths['/courses/{code}']!['get'] as { parameters: { name: string; in: string; required: boolean; schema: object }[] };
    expect(op.parameters).toEqual([
      { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]+-\\d+$' } },
      { name: 'expand', in: 'query', required: false, schema: { type: 'string', enum: ['teacher', 'grades'] } },
      { name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer', default: 10 }) },
      { name: 'x-tenant', in: 'header', required: true, schema: { type: 'string' } },
    ]);
  });

  it('puts named schemas in components and refers to them', () => {
    expect(doc.components.schemas['OpenApiCourse']).toMatchObject({ type: 'object', required: ['code', 'credits'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const post = doc.paths['/courses']!['post'] as Record<string, any>;
    expect(post['requestBody'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OpenApiCourse' });
    expect(post['responses']['201'].content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/OpenApiCourse' } });
    expect(post['responses']['default'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('states security per operation, with roles', () => {
    expect(doc.components.securitySchemes).toEqual({ 'api-key': { type: 'apiKey', in: 'header', name: 'x-api-key' } });
    const get = doc.paths['/courses/{code}']!['get'] as Record<string, unknown>;
    const post = doc.paths['/courses']!['post'] as Record<string, unknown>;
    expect(get['security']).toEqual([{ 'api-key': [] }]);
    expect(post['x-carve-roles']).toEqual(['teacher']);
    expect((doc.paths['/files/{path}']!['get'] as Record<string, unknown>)['security']).toEqual([]);
  });

  it('expands ANY into one operation per method with unique ids', () => {
    const ops = doc.paths['/files/{path}']!;
    expect(Object.keys(ops)).toEqual(['get', 'put', 'post', 'delete', 'patch']);
    expect((ops['delete'] as { operationId: string }).operationId).toBe('anyFilesByPath_delete');
  });
});
