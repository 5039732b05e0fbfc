import { GraphQLError } from 'graphql';
import { HttpError, type Logger } from 'carve';

// One fixed table from HTTP status to GraphQL error code, the same for every handler.
const CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'BAD_REQUEST',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'BAD_REQUEST', 422: 'BAD_USER_INPUT', 429: 'TOO_MANY_REQUESTS',
};

/**
 * A handler's error as a field error: an HttpError keeps its message (when exposed) and gets a code,
 * validation issues included; anything else is "Internal error", logged with the request id. Never
 * `extensions.http`: one failing field must not change the status of a partly successful response.
 */
export function toGraphQLError(error: unknown, log: Logger): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof HttpError) {
    const code = CODES[error.status] ?? (error.status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR');
    if (error.status >= 500) log.error('graphql field failed', { err: error.cause ?? error, status: error.status });
    const message = error.expose ? (error.detail ?? error.title) : 'Internal error';
    return new GraphQLError(message, { extensions: { code, ...(error.errors ? { issues: error.errors } : {}) } });
  }
  log.error('graphql field failed', { err: error });
  return new GraphQLError('Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
