import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
// Only documents need a converter, and `carve build` leaves documents out of the units: they never load this.
import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import type { Schema } from './schema.js';

export type JsonSchema = Record<string, unknown>;

/** A schema's JSON Schema (draft 2020-12) for the side it describes: what is sent (`input`) or what comes out (`output`). */
export function jsonSchemaOf(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const props = schema['~standard'] as StandardSchemaV1.Props & Partial<StandardJSONSchemaV1.Props>;
  // zod's unrepresentable types (dates, transforms) become {} rather than throwing, as carve has always documented them.
  const options = { target: 'draft-2020-12', libraryOptions: { unrepresentable: 'any' } } as const;
  if (props.jsonSchema) return props.jsonSchema[io](options);
  // zod/mini keeps its converter out of the schemas, so that a schema costs nothing until a document is asked for.
  if (props.vendor === 'zod') return toJSONSchema(schema as unknown as $ZodType, { target: options.target, io, ...options.libraryOptions }) as JsonSchema;
  throw new TypeError(`its ${props.vendor} schema has no JSON Schema converter: give it one (Standard JSON Schema; valibot: toStandardJsonSchema(schema) from @valibot/to-json-schema; zod and arktype have it built in)`);
}
