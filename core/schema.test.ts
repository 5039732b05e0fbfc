import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import * as v from 'valibot';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, it } from 'vitest';
import { z } from 'carve/zod';
import * as zm from 'carve/zod/mini';
import { createApp } from './app.js';
import { handler } from './handler.js';
import { jsonSchemaOf } from './json-schema.js';
import { acceptsUndefined, isSchema, reportIssues, type Schema } from './schema.js';

type StandardIssue = StandardSchemaV1.Issue;

// One body, { name: non-empty string, age: integer ≥ 0 }, in every library carve is tried with.
const BODIES: Record<string, Schema<unknown, { name: string; age: number }>> = {
  zod: z.object({ name: z.string().min(1), age: z.number().int().min(0) }),
  'zod/mini': zm.object({ name: zm.string().check(zm.minLength(1)), age: zm.int().check(zm.minimum(0)) }),
  valibot: v.object({ name: v.pipe(v.string(), v.minLength(1)), age: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  arktype: type({ name: 'string > 0', age: 'number.integer >= 0' }),
};

const appWith = (body: Schema<unknown, { name: string; age: number }>) => createApp({
  logger: { level: 'silent' },
  handlers: [handler({ method: 'POST', path: '/people', auth: 'public', body }, ({ body: person }) => ({ hello: person.name, next: person.age + 1 }))],
});

describe('schemas are Standard Schema validators', () => {
  for (const [library, body] of Object.entries(BODIES)) {
    it(`validates a body with ${library}: the typed value through, every issue in one 400 with its path`, async () => {
      const app = appWith(body);
      const good = await app.inject({ method: 'POST', url: '/people', body: { name: 'Ada', age: 36 } });
      expect(good).toMatchObject({ status: 200, body: { hello: 'Ada', next: 37 } });
      const bad = await app.inject({ method: 'POST', url: '/people', body: { name: '', age: 1.5 } });
      expect(bad.status).toBe(400);
      const errors = (bad.body as { errors: { path: string; message: string; code: string }[] }).errors;
      expect(errors.map((e) => e.path).sort()).toEqual(['body.age', 'body.name']);
      for (const e of errors) expect(e.message.length, JSON.stringify(e)).toBeGreaterThan(0);
    });
  }

  it('waits for a validator that checks asynchronously', async () => {
    const slowly: Schema<unknown, { name: string; age: number }> = {
      '~standard': {
        version: 1, vendor: 'test',
        validate: async (value) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const name = (value as { name?: unknown }).name;
          return typeof name === 'string' ? { value: { name, age: 0 } } : { issues: [{ message: 'a name is required', path: ['name'] }] };
        },
      },
    };
    const app = appWith(slowly);
    expect(await app.inject({ method: 'POST', url: '/people', body: { name: 'Grace' } })).toMatchObject({ status: 200, body: { hello: 'Grace', next: 1 } });
    const bad = await app.inject({ method: 'POST', url: '/people', body: {} });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'body.name', message: 'a name is required', code: 'invalid' }] } });
  });

  it('refuses, when the handler is defined, a part that is not a schema', () => {
    expect(() => handler({ method: 'POST', path: '/x', auth: 'public', body: { name: 'string' } as never }, () => undefined))
      .toThrow(/handler POST \/x: body is not a schema; give a Standard Schema validator/);
    expect(isSchema(z.string())).toBe(true);
    expect(isSchema({ '~standard': {} })).toBe(false);
  });

  it("reports each library's own issue code (zod and arktype `code`, valibot `type`)", () => {
    const valibot = (v.object({ n: v.number() })['~standard'].validate({ n: 'x' }) as { issues: readonly StandardIssue[] }).issues;
    expect(reportIssues(valibot, 'query')).toEqual([{ path: 'query.n', message: expect.any(String), code: 'number' }]);
    const zod = z.object({ n: z.number() }).safeParse({ n: 'x' }).error!.issues;
    expect(reportIssues(zod, undefined)).toEqual([{ path: 'n', message: expect.any(String), code: 'invalid_type' }]);
  });

  it('knows an optional body from a required one in every library', () => {
    expect(acceptsUndefined(z.string().optional())).toBe(true);
    expect(acceptsUndefined(zm.optional(zm.string()))).toBe(true);
    expect(acceptsUndefined(v.optional(v.string()))).toBe(true);
    expect(acceptsUndefined(BODIES['arktype']!)).toBe(false);
  });
});

describe('jsonSchemaOf', () => {
  const expected = { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] };

  it("takes the library's own converter: zod, zod/mini, arktype, valibot through toStandardJsonSchema", () => {
    expect(jsonSchemaOf(z.object({ name: z.string().min(1) }), 'input')).toMatchObject(expected);
    expect(jsonSchemaOf(zm.object({ name: zm.string().check(zm.minLength(1)) }), 'input')).toMatchObject(expected);
    expect(jsonSchemaOf(type({ name: 'string > 0' }), 'input')).toMatchObject(expected);
    expect(jsonSchemaOf(toStandardJsonSchema(v.object({ name: v.pipe(v.string(), v.minLength(1)) })) as unknown as Schema, 'input')).toMatchObject(expected);
  });

  it('documents each side: what is sent and what comes out', () => {
    const withDefault = z.object({ page: z.number().default(1) });
    expect(jsonSchemaOf(withDefault, 'input')['required']).toBeUndefined();
    expect(jsonSchemaOf(withDefault, 'output')['required']).toEqual(['page']);
  });

  it('says how to give a schema without a converter one', () => {
    expect(() => jsonSchemaOf(v.object({ name: v.string() }), 'input')).toThrow(/valibot schema has no JSON Schema converter: .*toStandardJsonSchema\(schema\) from @valibot\/to-json-schema/);
  });
});
