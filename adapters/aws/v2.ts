import { stripBasePath } from 'carve/adapter';
import { authorizerPrincipal } from './authorizer.js';
import { bodyText, eventBody, isBase64, resultBody } from './body.js';
import type { ApiGatewayV2Event, ApiGatewayV2Result } from './events.js';
import { isMap, lowerCaseSize, mergeHeaders, responseHeaders, str } from './headers.js';
import { encodePath } from './path.js';
import type { Processor } from './processor.js';

/** A Function URL's domain: `<url-id>.lambda-url.<region>.on.aws` (checked from its end, which is short). */
function isFunctionUrl(domainName: unknown): boolean {
  return typeof domainName === 'string' && endsWithOnAws(domainName) && domainName.includes('.lambda-url.');
}

// String#endsWith costs ~140 instructions a call here (it checks its argument is no RegExp); every request asks this.
const ON_AWS = '.on.aws';
function endsWithOnAws(name: string): boolean {
  const from = name.length - ON_AWS.length;
  if (from < 0) return false;
  for (let i = 0; i < ON_AWS.length; i++) if (name.charCodeAt(from + i) !== ON_AWS.charCodeAt(i)) return false;
  return true;
}

/** API Gateway HTTP APIs (payload format 2.0) and Lambda Function URLs. */
export const v2: Processor<ApiGatewayV2Event> = {
  source: 'apigw-v2',
  request(event, context, options) {
    const rc = event.requestContext;
    // HTTP API hands over rawPath decoded; a Function URL keeps it as the client sent it.
    const functionUrl = isFunctionUrl(rc.domainName);
    let path = functionUrl ? event.rawPath : encodePath(event.rawPath);
    const stage = str(rc.stage);
    if (options.stripStage && stage && stage !== '$default') path = stripBasePath(path, `/${encodePath(stage)}`);
    path = stripBasePath(path, options.basePath);
    // Lower-case strings as HTTP API sends them: used as they are, and counted on the same pass.
    const counted = lowerCaseSize(event.headers);
    let headers = counted === -1 ? mergeHeaders(event.headers, undefined) : event.headers as Record<string, string>;
    let headerBytes = counted === -1 ? undefined : counted;
    // HTTP API moves cookies out of the headers; a Function URL sends both, so never add them twice.
    if (Array.isArray(event.cookies) && event.cookies.length > 0 && headers['cookie'] === undefined) {
      const cookies = event.cookies.filter((c): c is string => typeof c === 'string');
      // A copy: the event's own headers stay as the platform sent them (a legacy fallback reads the event).
      if (cookies.length > 0) {
        const cookie = cookies.join('; ');
        headers = { ...headers, cookie };
        if (headerBytes !== undefined) headerBytes += 'cookie'.length + cookie.length + 4;
      }
    }
    return {
      method: rc.http.method,
      path,
      rawQuery: str(event.rawQueryString) ?? '',
      headers,
      headerBytes,
      readBody: event.body ? () => eventBody(event.body, event.isBase64Encoded) : undefined,
      requestId: str(rc.requestId) ?? str(context.awsRequestId),
      sourceIp: str(rc.http.sourceIp) ?? '',
      principal: options.trustAuthorizer && isMap(rc.authorizer) ? authorizerPrincipal(rc.authorizer, options.rolesClaim) : undefined,
      raw: { event, context },
    };
  },
  result(response, _event, options): ApiGatewayV2Result {
    const body = resultBody(response, options.binaryTypes);
    // One literal, made last, with every field (`cookies` undefined when there are none, which JSON leaves out): V8
    // then knows the result's shape where the handler's promise resolves with it, and skips looking for a `then` on it.
    return {
      statusCode: response.status, headers: responseHeaders(response.headers), body: bodyText(body), isBase64Encoded: isBase64(body),
      cookies: response.cookies.length > 0 ? [...response.cookies] : undefined,
    };
  },
};
