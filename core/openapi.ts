import type { Authenticator } from './auth/authenticator.js';
import type { Handler } from './handler.js';
import { jsonSchemaOf, type JsonSchema } from './json-schema.js';
import type { Schema } from './schema.js';

export interface OpenApiInfo {
  title?: string | undefined;
  version?: string | undefined;
  description?: string | undefined;
  servers?: { url: string; description?: string | undefined }[] | undefined;
}

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string | undefined };
  servers?: { url: string; description?: string | undefined }[] | undefined;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const PROBLEM: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
    detail: { type: 'string' }, instance: { type: 'string', description: 'the request id' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } }, required: ['path', 'message', 'code'] },
    },
  },
  required: ['type', 'title', 'status', 'instance'],
};

const ANY_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Builds the OpenAPI 3.1 document: JSON Schema 2020-12 from the handlers' schemas, named schemas as components. */
export function buildOpenApi(name: string, handlers: readonly Handler[], authenticators: readonly Authenticator[], info: OpenApiInfo = {}): OpenApiDocument {
  const schemas: Record<string, unknown> = { Problem: PROBLEM };
  const convert = (schema: Schema, io: 'input' | 'output'): JsonSchema => hoist(jsonSchemaOf(schema, io), schemas);
  const securitySchemes: Record<string, unknown> = {};
  for (const a of authenticators) securitySchemes[a.scheme] = a.securityScheme;

  const paths: OpenApiDocument['paths'] = {};
  for (const h of handlers) {
    const path = h.path.replace(/\{(\w+)\+\}/g, '{$1}');
    const methods = h.method === 'ANY' ? ANY_METHODS : [h.method.toLowerCase()];
    for (const method of methods) {
      const operation = withContext(h, () => buildOperation(h, convert, authenticators));
      if (h.method === 'ANY') operation['operationId'] = `${h.id}_${method}`;
      (paths[path] ??= {})[method] = operation;
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title ?? name, version: info.version ?? '1.0.0', ...(info.description ? { description: info.description } : {}) },
    ...(info.servers ? { servers: info.servers } : {}),
    paths,
    components: { schemas, securitySchemes },
  };
}

function buildOperation(h: Handler, convert: (s: Schema, io: 'input' | 'output') => JsonSchema,
  authenticators: readonly Authenticator[]): Record<string, unknown> {
  const { spec } = h;
  const parameters: unknown[] = [];
  const pathParams = [...h.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
  const paramSchema = spec.params ? convert(spec.params, 'input') : undefined;
  for (const name of pathParams) {
    parameters.push({ name, in: 'path', required: true, schema: propertyOf(paramSchema, name) ?? { type: 'string' } });
  }
  for (const [where, schema] of [['query', spec.query], ['header', spec.headers]] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input');
    const required = new Set((json['required'] as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((json['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
      parameters.push({ name, in: where, required: required.has(name), schema: property });
    }
  }
  const success = String(spec.status ?? 200);
  const operation: Record<string, unknown> = {
    operationId: h.id,
    tags: spec.tags ?? [h.resource],
    ...(spec.summary ? { summary: spec.summary } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.deprecated ? { deprecated: true } : {}),
    ...(parameters.length ? { parameters } : {}),
    responses: {
      [success]: {
        description: 'Success',
        ...(spec.response ? { content: { 'application/json': { schema: convert(spec.response, 'output') } } } : {}),
      },
      default: { description: 'An error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
  };
  if (spec.body) {
    const schema = convert(spec.body, 'input');
    const accepts = spec.accepts ?? ['application/json', 'application/x-www-form-urlencoded'];
    operation['requestBody'] = { required: true, content: Object.fromEntries(accepts.map((type) => [type, { schema }])) };
  }
  const policy = spec.auth ?? 'authenticated';
  if (policy === 'public') operation['security'] = [];
  else {
    operation['security'] = authenticators.map((a) => ({ [a.scheme]: [] }));
    if (typeof policy === 'object') operation['x-carve-roles'] = [...policy.roles];
  }
  return operation;
}

/** Runs `build`, naming the handler in what it throws. */
function withContext<T>(h: Handler, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new TypeError(`${h.method} ${h.path} (${h.id}): ${(error as Error).message}`, { cause: error });
  }
}

function propertyOf(schema: JsonSchema | undefined, name: string): unknown {
  return (schema?.['properties'] as Record<string, unknown> | undefined)?.[name];
}

/** Moves `$defs` into `components.schemas` and points the `$ref`s there. */
function hoist(schema: JsonSchema, into: Record<string, unknown>): JsonSchema {
  const { $defs, $schema: _dialect, ...rest } = schema as JsonSchema & { $defs?: Record<string, unknown> | undefined };
  for (const [id, def] of Object.entries($defs ?? {})) into[id] = rewriteRefs(def);
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(value);
  }
  return out;
}
