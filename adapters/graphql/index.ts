/** @module carve/graphql — every handler as one GraphQL endpoint (Apollo Server 5, graphql 16), on any target. */
export { graphqlHandlers, toGraphQLApp, withGraphQL } from './server.js';
export type { GraphQLOptions } from './server.js';
export type { GraphQLLimits } from './limits.js';
export { buildGraphQLSchema } from './schema.js';
export type { GraphQLContext, GraphQLSchemaResult } from './schema.js';
export { toGraphQLError } from './errors.js';
export { DateTimeScalar, JSONScalar, SchemaError } from './types.js';
