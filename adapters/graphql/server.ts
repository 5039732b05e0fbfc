import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { BadRequest, handler, reply, type App, type Handler } from 'carve';
import type { GraphQLContext } from './schema.js';
import { buildGraphQLSchema } from './schema.js';
import { DEFAULT_LIMITS, limitRules, type GraphQLLimits } from './limits.js';

export interface GraphQLOptions {
  /** Where the endpoint lives. Default `/graphql`. */
  path?: string | undefined;
  /** Schema introspection. Default: on unless NODE_ENV is production. */
  introspection?: boolean | undefined;
  /** What one operation may ask for (tokens, depth, aliases, cost); safe defaults, refused before anything runs. */
  limits?: GraphQLLimits | undefined;
}

/**
 * The GraphQL endpoint as carve handlers (`GET` and `POST /graphql`) over Apollo Server 5, so it runs
 * on every target through the usual adapters. Fields resolve through `app.session()`.
 */
export function graphqlHandlers(app: App, options: GraphQLOptions = {}): { handlers: Handler[]; sdl: string; warnings: string[] } {
  const { schema, sdl, warnings } = buildGraphQLSchema(app);
  const production = globalThis.process?.env?.['NODE_ENV'] === 'production';
  const apollo = new ApolloServer<GraphQLContext & BaseContext>({
    schema,
    introspection: options.introspection ?? !production,
    includeStacktraceInErrorResponses: false,
    // In production a misspelt field gets no "Did you mean …?": the schema is not told to strangers.
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: options.limits?.maxTokens ?? DEFAULT_LIMITS.maxTokens },
    validationRules: limitRules(options.limits),
    // Errors are already shaped by toGraphQLError; mask whatever else got through (a resolver bug).
    formatError: (formatted) => (formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' ? { message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } } : formatted),
  });
  apollo.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  const path = options.path ?? '/graphql';

  const endpoint = (method: 'GET' | 'POST') => handler({
    method, path, auth: 'public', graphql: false, summary: `GraphQL over HTTP (${method})`,
    accepts: ['*/*'],
  }, async ({ request }) => {
    let body: unknown;
    if (method === 'POST' && request.body) {
      if (request.contentType === 'application/json' || request.contentType.endsWith('+json')) {
        try {
          body = JSON.parse(request.text);
        } catch (error) {
          throw new BadRequest(`malformed JSON: ${(error as Error).message}`);
        }
      } else body = request.text;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: request.rawQuery ? `?${request.rawQuery}` : '', body },
      context: async () => ({ session: app.session(request) }),
    });
    let text = '';
    if (result.body.kind === 'complete') text = result.body.string;
    else for await (const chunk of result.body.asyncIterator) text += chunk;
    return reply({ status: result.status ?? 200, headers: Object.fromEntries(result.headers), body: text });
  });
  return { handlers: [endpoint('GET'), endpoint('POST')], sdl, warnings };
}

/** The app with its REST routes and `/graphql` beside them. */
export function withGraphQL(app: App, options?: GraphQLOptions): App {
  return app.with(graphqlHandlers(app, options).handlers);
}

/** Only `/graphql`: the GraphQL shape's one unit. */
export function toGraphQLApp(app: App, options?: GraphQLOptions): App {
  return app.select([]).with(graphqlHandlers(app, options).handlers);
}
