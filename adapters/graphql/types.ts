import {
  GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull,
  GraphQLObjectType, GraphQLScalarType, GraphQLString, Kind, type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';

type JsonSchema = Record<string, unknown>;
const INT32 = { min: -2147483648, max: 2147483647 };
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Any JSON value: free-form objects, records, unschematised results. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast): unknown {
    switch (ast.kind) {
      case Kind.STRING: case Kind.BOOLEAN: return ast.value;
      case Kind.INT: case Kind.FLOAT: return Number(ast.value);
      case Kind.OBJECT: return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
      case Kind.LIST: return ast.values.map((v) => literal(v));
      default: return null;
    }
  },
});

/** An ISO 8601 date-time string (RFC 3339). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 date-time, e.g. 2026-11-22T09:00:00.000Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : value),
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
}

const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/**
 * JSON Schema (from zod) → GraphQL types. Named schemas (`$defs`, zod `.meta({ id })`) become exactly one
 * type each, `Name` for output and `NameInput` for input; inline objects and enums are named after where
 * they stand. Nullability follows `required`.
 */
export class TypeRegistry {
  readonly #defs = new Map<string, JsonSchema>();
  readonly #outputs = new Map<string, GraphQLOutputType>();
  readonly #inputs = new Map<string, GraphQLInputType>();
  readonly #enums = new Map<string, GraphQLEnumType>();

  addDefs(defs: Record<string, JsonSchema> | undefined): void {
    for (const [name, def] of Object.entries(defs ?? {})) this.#defs.set(name, def);
  }

  /** The nullable output type; `nonNull` wraps it when the schema requires a value. */
  output(schema: JsonSchema, hint: string): GraphQLOutputType {
    const ref = refName(schema);
    if (ref) return this.#named(this.#outputs, ref, () => this.output(this.#def(ref), ref));
    const inner = unwrapNullable(schema);
    if (inner !== schema) return this.output(inner, hint);
    const scalar = this.#scalar(schema, hint);
    if (scalar) return scalar;
    if (schema['type'] === 'array') return new GraphQLList(nonNullIf(this.output(items(schema), `${hint}Item`), !isNullable(items(schema))));
    const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
    if (schema['type'] === 'object' && properties && Object.keys(properties).length > 0) {
      const name = pascal(hint);
      return this.#named(this.#outputs, name, () => new GraphQLObjectType({
        name,
        description: schema['description'] as string | undefined,
        fields: () => Object.fromEntries(Object.entries(properties).map(([field, prop]) => [
          checkName(field, name), { type: nonNullIf(this.output(prop, `${name}${pascal(field)}`), isRequired(schema, field) && !isNullable(prop)) },
        ])),
      }));
    }
    this.#assertRepresentable(schema, hint);
    return JSONScalar;
  }

  input(schema: JsonSchema, hint: string): GraphQLInputType {
    const ref = refName(schema);
    if (ref) return this.#named(this.#inputs, `${ref}Input`, () => this.input(this.#def(ref), ref));
    const inner = unwrapNullable(schema);
    if (inner !== schema) return this.input(inner, hint);
    const scalar = this.#scalar(schema, hint);
    if (scalar) return scalar;
    if (schema['type'] === 'array') return new GraphQLList(nonNullIf(this.input(items(schema), `${hint}Item`), !isNullable(items(schema))));
    const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
    if (schema['type'] === 'object' && properties && Object.keys(properties).length > 0) {
      const name = `${pascal(hint)}Input`;
      return this.#named(this.#inputs, name, () => new GraphQLInputObjectType({
        name,
        fields: () => Object.fromEntries(Object.entries(properties).map(([field, prop]) => [
          checkName(field, name), { type: nonNullIf(this.input(prop, `${pascal(hint)}${pascal(field)}`), isRequired(schema, field) && !isNullable(prop)) },
        ])),
      }));
    }
    this.#assertRepresentable(schema, hint);
    return JSONScalar;
  }

  #scalar(schema: JsonSchema, hint: string): GraphQLScalarType | GraphQLEnumType | undefined {
    if (Array.isArray(schema['enum'])) return this.#enum(schema['enum'] as unknown[], hint);
    switch (schema['type']) {
      case 'string': return schema['format'] === 'date-time' ? DateTimeScalar : GraphQLString;
      case 'boolean': return GraphQLBoolean;
      case 'number': return GraphQLFloat;
      // Unbounded integers (zod gives ±2^53−1) do not fit GraphQL's 32-bit Int.
      case 'integer': return fitsInt32(schema) ? GraphQLInt : GraphQLFloat;
      default: return undefined;
    }
  }

  #enum(values: unknown[], hint: string): GraphQLScalarType | GraphQLEnumType {
    if (!values.every((v) => typeof v === 'string')) return JSONScalar;
    const name = pascal(hint);
    return this.#named(this.#enums, name, () => {
      const names = new Map<string, string>();
      for (const value of values as string[]) {
        const enumName = /^[0-9]/.test(value) ? `_${value.replace(/[^_0-9A-Za-z]/g, '_')}` : value.replace(/[^_0-9A-Za-z]/g, '_');
        if (names.has(enumName)) throw new SchemaError(`enum ${name}: "${value}" and "${names.get(enumName)}" would both be ${enumName}`);
        names.set(enumName, value);
      }
      // Values map back to the wire strings, so "in-progress" is served as in_progress and read back exactly.
      return new GraphQLEnumType({ name, values: Object.fromEntries([...names].map(([n, value]) => [n, { value }])) });
    });
  }

  #assertRepresentable(schema: JsonSchema, hint: string): void {
    if (Array.isArray(schema['oneOf']) || Array.isArray(schema['anyOf'])) {
      throw new SchemaError(`${hint}: a union without a discriminator has no GraphQL type; give the variants a shared literal field or mark the handler graphql: false`);
    }
  }

  #named<T>(table: Map<string, T>, name: string, make: () => T): T {
    let type = table.get(name);
    if (!type) {
      type = make();
      table.set(name, type);
    }
    return type;
  }

  #def(name: string): JsonSchema {
    const def = this.#defs.get(name);
    if (!def) throw new SchemaError(`schema "${name}" is referenced but not defined`);
    return def;
  }
}

const refName = (schema: JsonSchema) => (typeof schema['$ref'] === 'string' ? (schema['$ref'] as string).split('/').at(-1) : undefined);
const items = (schema: JsonSchema) => (schema['items'] as JsonSchema | undefined) ?? {};
const isRequired = (schema: JsonSchema, field: string) => ((schema['required'] as string[] | undefined) ?? []).includes(field);
const fitsInt32 = (schema: JsonSchema) => {
  const min = (schema['minimum'] ?? schema['exclusiveMinimum']) as number | undefined;
  const max = (schema['maximum'] ?? schema['exclusiveMaximum']) as number | undefined;
  return min !== undefined && max !== undefined && min >= INT32.min && max <= INT32.max;
};

function unwrapNullable(schema: JsonSchema): JsonSchema {
  const variants = schema['anyOf'] as JsonSchema[] | undefined;
  if (Array.isArray(variants)) {
    const rest = variants.filter((v) => v['type'] !== 'null');
    if (rest.length === 1 && rest.length < variants.length) return rest[0]!;
  }
  if (Array.isArray(schema['type'])) {
    const rest = (schema['type'] as string[]).filter((t) => t !== 'null');
    if (rest.length === 1) return { ...schema, type: rest[0] };
  }
  return schema;
}

export function isNullable(schema: JsonSchema): boolean {
  return unwrapNullable(schema) !== schema || schema['type'] === 'null';
}

export function nonNullIf<T extends GraphQLOutputType | GraphQLInputType>(type: T, required: boolean): T {
  return (required ? new GraphQLNonNull(type) : type) as T;
}

export function checkName(name: string, where: string): string {
  if (!NAME.test(name)) throw new SchemaError(`${where}: "${name}" is not a valid GraphQL name`);
  return name;
}
