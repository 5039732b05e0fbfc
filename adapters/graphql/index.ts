/** @module carve/graphql — every handler as one GraphQL endpoint (Apollo Server 5, graphql 16), on any target. */
export { graphqlHandlers, toGraphQLApp, withGraphQL } from './server';
export type { GraphQLOptions } from './server';
export { buildGraphQLSchema } from './schema';
export type { GraphQLContext, GraphQLSchemaResult } from './schema';
export { toGraphQLError } from './errors';
export { DateTimeScalar, JSONScalar, SchemaError } from './types';
