import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationIssue } from './errors.js';

/**
 * A schema is any Standard Schema validator (standardschema.dev): zod (classic or mini), valibot,
 * arktype… carve only calls `~standard.validate`, and `~standard.jsonSchema` (Standard JSON Schema)
 * when it documents the API.
 */
export type Schema<Input = unknown, Output = Input> = StandardSchemaV1<Input, Output>;
export type SchemaInput<S extends Schema> = StandardSchemaV1.InferInput<S>;
export type SchemaOutput<S extends Schema> = StandardSchemaV1.InferOutput<S>;
export type SchemaResult<Output = unknown> = StandardSchemaV1.Result<Output>;

/** True when `value` is a Standard Schema validator. */
export function isSchema(value: unknown): value is Schema {
  const props = (value as { '~standard'?: { validate?: unknown } } | null | undefined)?.['~standard'];
  return typeof props === 'object' && props !== null && typeof props.validate === 'function';
}

/** True when the schema accepts a missing value, such as an optional body. */
export function acceptsUndefined(schema: Schema): boolean {
  const result = schema['~standard'].validate(undefined);
  return !(result instanceof Promise) && result.issues === undefined;
}

/**
 * A validator's issues as carve reports them: a dotted path from the part of the request, the message,
 * and the validator's own code (zod and arktype `code`, valibot `type`).
 */
export function reportIssues(issues: ReadonlyArray<StandardSchemaV1.Issue>, where: string | undefined, into: ValidationIssue[] = []): ValidationIssue[] {
  for (const issue of issues) {
    const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
    const { code, type } = issue as { code?: unknown; type?: unknown };
    into.push({
      path: (where === undefined ? path : [where, ...path]).join('.'),
      message: issue.message,
      code: typeof code === 'string' ? code : typeof type === 'string' ? type : 'invalid',
    });
  }
  return into;
}
