import { stripBasePath } from 'carve/adapter';
import { authorizerPrincipal } from './authorizer.js';
import { eventBody, resultBody } from './body.js';
import type { ApiGatewayV2Event, ApiGatewayV2Result } from './events.js';
import { isMap, mergeHeaders, responseHeaders, str } from './headers.js';
import { encodePath } from './path.js';
import type { Processor } from './processor.js';

/** API Gateway HTTP APIs (payload format 2.0) and Lambda Function URLs. */
export const v2: Processor<ApiGatewayV2Event> = {
  source: 'apigw-v2',
  request(event, context, options) {
    const rc = event.requestContext;
    // HTTP API hands over rawPath decoded; a Function URL keeps it as the client sent it.
    const functionUrl = str(rc.domainName)?.includes('.lambda-url.') ?? false;
    let path = functionUrl ? event.rawPath : encodePath(event.rawPath);
    const stage = str(rc.stage);
    if (options.stripStage && stage && stage !== '$default') path = stripBasePath(path, `/${encodePath(stage)}`);
    path = stripBasePath(path, options.basePath);
    const headers = mergeHeaders(event.headers, undefined);
    // HTTP API moves cookies out of the headers; a Function URL sends both, so never add them twice.
    if (Array.isArray(event.cookies) && event.cookies.length > 0 && headers['cookie'] === undefined) {
      const cookies = event.cookies.filter((c): c is string => typeof c === 'string');
      if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
    }
    return {
      method: rc.http.method,
      path,
      rawQuery: str(event.rawQueryString) ?? '',
      headers,
      readBody: event.body ? () => eventBody(event.body, event.isBase64Encoded) : undefined,
      requestId: str(rc.requestId) ?? str(context.awsRequestId),
      sourceIp: str(rc.http.sourceIp) ?? '',
      principal: options.trustAuthorizer ? authorizerPrincipal(isMap(rc.authorizer) ? rc.authorizer : undefined, options.rolesClaim) : undefined,
      raw: { event, context },
    };
  },
  result(response, _event, options): ApiGatewayV2Result {
    const { body, isBase64Encoded } = resultBody(response, options.binaryTypes);
    const result: ApiGatewayV2Result = { statusCode: response.status, headers: responseHeaders(response.headers), body, isBase64Encoded };
    if (response.cookies.length > 0) result.cookies = [...response.cookies];
    return result;
  },
};
