import {
  GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema,
  type GraphQLFieldConfig, type GraphQLFieldConfigArgumentMap,
} from 'graphql';
import type { App, Handler, Schema, Session } from 'carve';
import { acceptsUndefined, jsonSchemaOf, type JsonSchema } from 'carve/adapter';
import { toGraphQLError } from './errors.js';
import { checkName, isNullable, JSONScalar, nonNullIf, SchemaError, TypeRegistry } from './types.js';

export interface GraphQLContext {
  session: Session;
}

export interface GraphQLSchemaResult {
  schema: GraphQLSchema;
  /** The printed SDL, sorted, so it is stable from build to build. */
  sdl: string;
  /** Handlers left out, and why. */
  warnings: string[];
}

/**
 * Every handler as a GraphQL field: GET → Query, others → Mutation (or as declared), named by its id,
 * path parameters as non-null arguments, query parameters as arguments, the body as `input`. Fields
 * resolve through `app.session()`: the same handler, policy, schemas and DI as the REST route.
 */
export function buildGraphQLSchema(app: App): GraphQLSchemaResult {
  const registry = new TypeRegistry();
  const convert = (schema: Schema, io: 'input' | 'output') => {
    const json = jsonSchemaOf(schema, io);
    registry.addDefs(json['$defs'] as Record<string, JsonSchema> | undefined);
    return json;
  };
  const fields = { query: {} as Record<string, GraphQLFieldConfig<unknown, GraphQLContext>>, mutation: {} as Record<string, GraphQLFieldConfig<unknown, GraphQLContext>> };
  const owners = new Map<string, Handler>();
  const warnings: string[] = [];

  for (const h of app.handlers) {
    const declared = h.spec.graphql;
    if (declared === false) {
      warnings.push(`${h.method} ${h.path} (${h.id}) is not in the GraphQL schema: declared graphql: false`);
      continue;
    }
    if (h.method === 'ANY') {
      warnings.push(`${h.method} ${h.path} (${h.id}) is not in the GraphQL schema: it answers any method; declare graphql: { operation } to include it`);
      continue;
    }
    const accepts = h.spec.accepts ?? ['application/json'];
    if (h.spec.body && !accepts.some((t) => t === 'application/json' || t.endsWith('+json'))) {
      warnings.push(`${h.method} ${h.path} (${h.id}) is not in the GraphQL schema: its body is not JSON`);
      continue;
    }
    const name = checkName(declared?.field ?? h.id, `${h.method} ${h.path}`);
    const clash = owners.get(name);
    if (clash) throw new SchemaError(`two handlers would be the GraphQL field "${name}": ${clash.method} ${clash.path} and ${h.method} ${h.path}; give one graphql: { field }`);
    owners.set(name, h);
    const operation = declared?.operation ?? (h.method === 'GET' || h.method === 'HEAD' ? 'query' : 'mutation');
    try {
      fields[operation][name] = field(h, name, registry, convert);
    } catch (error) {
      if (error instanceof SchemaError) throw error;
      throw new SchemaError(`${h.method} ${h.path} (${h.id}): ${(error as Error).message}`);
    }
  }

  const query = new GraphQLObjectType({
    name: 'Query',
    fields: Object.keys(fields.query).length > 0 ? fields.query : { _empty: { type: JSONScalar, description: 'This API has no queries', resolve: () => null } },
  });
  const mutation = Object.keys(fields.mutation).length > 0 ? new GraphQLObjectType({ name: 'Mutation', fields: fields.mutation }) : undefined;
  const schema = lexicographicSortSchema(new GraphQLSchema({ query, mutation }));
  return { schema, sdl: printSchema(schema), warnings };
}

function field(h: Handler, name: string, registry: TypeRegistry, convert: (s: Schema, io: 'input' | 'output') => JsonSchema): GraphQLFieldConfig<unknown, GraphQLContext> {
  const args: GraphQLFieldConfigArgumentMap = {};
  const hint = name.charAt(0).toUpperCase() + name.slice(1);
  const pathParams = [...h.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
  const params = h.spec.params ? convert(h.spec.params, 'input') : undefined;
  for (const p of pathParams) {
    const prop = (params?.['properties'] as Record<string, JsonSchema> | undefined)?.[p] ?? { type: 'string' };
    args[checkName(p, name)] = { type: nonNullIf(registry.input(prop, `${hint}${p}`), true) };
  }
  const queryNames: string[] = [];
  if (h.spec.query) {
    const query = convert(h.spec.query, 'input');
    const required = (query['required'] as string[] | undefined) ?? [];
    for (const [q, prop] of Object.entries((query['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
      args[checkName(q, name)] = { type: nonNullIf(registry.input(prop, `${hint}${q}`), required.includes(q) && !isNullable(prop)) };
      queryNames.push(q);
    }
  }
  if (h.spec.body) {
    const body = convert(h.spec.body, 'input');
    const optional = acceptsUndefined(h.spec.body);
    args['input'] = { type: nonNullIf(registry.input(body, hint), !optional) };
  }
  const type = h.spec.response ? registry.output(convert(h.spec.response, 'output'), `${hint}Result`) : JSONScalar;
  return {
    args,
    type, // root fields stay nullable: one failing handler nulls its field, not the whole response
    description: h.spec.summary,
    deprecationReason: h.spec.deprecated ? 'deprecated' : undefined,
    async resolve(_source, given: Record<string, unknown>, { session }) {
      const pick = (names: string[]) => Object.fromEntries(names.filter((n) => given[n] !== undefined && given[n] !== null).map((n) => [n, given[n]]));
      try {
        return await session.call(h.id, { params: stringify(pick(pathParams)), query: pick(queryNames), body: given['input'] ?? undefined });
      } catch (error) {
        throw toGraphQLError(error, session.request.log);
      }
    },
  };
}

/** Path parameters arrive as strings on every other target; so they do here. */
function stringify(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}
