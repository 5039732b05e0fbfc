import { stringifyQuery, stripBasePath } from 'carve/adapter';
import { authorizerPrincipal } from './authorizer.js';
import { bodyText, eventBody, isBase64, resultBody } from './body.js';
import type { ApiGatewayV1Event, ApiGatewayV1Result } from './events.js';
import { isMap, mergeHeaders, queryMap, responseHeaders, str } from './headers.js';
import type { Processor } from './processor.js';

/** API Gateway REST APIs, and HTTP APIs with payload format 1.0. */
export const v1: Processor<ApiGatewayV1Event> = {
  source: 'apigw-v1',
  request(event, context, options) {
    const rc = isMap(event.requestContext) ? event.requestContext : {};
    return {
      method: event.httpMethod,
      // `path` is percent-encoded and has no stage (`requestContext.path` has it).
      path: stripBasePath(event.path, options.basePath),
      // These maps are already decoded: encode them again so the query is decoded exactly once.
      rawQuery: stringifyQuery(queryMap(event.multiValueQueryStringParameters ?? event.queryStringParameters)),
      headers: mergeHeaders(event.headers, event.multiValueHeaders),
      readBody: event.body ? () => eventBody(event.body, event.isBase64Encoded) : undefined,
      requestId: str(rc.requestId) ?? str(context.awsRequestId),
      sourceIp: str(isMap(rc.identity) ? rc.identity['sourceIp'] : undefined) ?? '',
      principal: options.trustAuthorizer ? authorizerPrincipal(isMap(rc.authorizer) ? rc.authorizer : undefined, options.rolesClaim, str(isMap(rc.identity) ? rc.identity['userArn'] : undefined)) : undefined,
      raw: { event, context },
    };
  },
  result(response, _event, options): ApiGatewayV1Result {
    const body = resultBody(response, options.binaryTypes);
    // One literal, made last (see v2's result). Never a top-level `cookies` key in a v1 result: API Gateway answers 502 to it.
    return {
      statusCode: response.status, headers: responseHeaders(response.headers), body: bodyText(body), isBase64Encoded: isBase64(body),
      multiValueHeaders: response.cookies.length > 0 ? { 'set-cookie': [...response.cookies] } : undefined,
    };
  },
};
