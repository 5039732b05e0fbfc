import { statusText } from 'carve';
import { stripBasePath } from 'carve/adapter';
import { bodyText, eventBody, isBase64, resultBody } from './body.js';
import type { AlbEvent, AlbResult } from './events.js';
import { isMap, lastForwardedFor, mergeHeaders, queryMap, responseHeaders, str } from './headers.js';
import type { Processor } from './processor.js';

/** Application Load Balancer targets, in single- and multi-value header mode. */
export const alb: Processor<AlbEvent> = {
  source: 'alb',
  request(event, context, options) {
    const headers = mergeHeaders(event.headers, event.multiValueHeaders);
    return {
      method: event.httpMethod,
      path: stripBasePath(event.path, options.basePath),
      rawQuery: rawAlbQuery(event),
      headers,
      readBody: event.body ? () => eventBody(event.body, event.isBase64Encoded) : undefined,
      requestId: str(context.awsRequestId),
      sourceIp: lastForwardedFor(headers),
      raw: { event, context },
    };
  },
  result(response, event, options): AlbResult {
    const body = resultBody(response, options.binaryTypes);
    const base = {
      statusCode: response.status,
      statusDescription: `${response.status} ${statusText(response.status)}`.trim(),
      body: bodyText(body),
      isBase64Encoded: isBase64(body),
    };
    const headers = responseHeaders(response.headers);
    // The response must use the header mode the target group is in, which the request event tells.
    if (isMap(event.multiValueHeaders)) {
      const multiValueHeaders: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(headers)) multiValueHeaders[name] = [value];
      if (response.cookies.length > 0) multiValueHeaders['set-cookie'] = [...response.cookies];
      return { ...base, multiValueHeaders };
    }
    if (response.cookies.length > 0) headers['set-cookie'] = response.cookies[0]!;
    if (response.cookies.length > 1) {
      console.warn(JSON.stringify({
        level: 'warn', msg: 'ALB single-value header mode carries one Set-Cookie; the others were dropped. Enable multi-value headers on the target group.',
        dropped: response.cookies.length - 1, requestId: response.headers['x-request-id'],
      }));
    }
    return { ...base, headers };
  },
};

/** ALB passes query keys and values still percent-encoded: use them as they are, never encode twice. */
function rawAlbQuery(event: AlbEvent): string {
  const parts: string[] = [];
  const map = queryMap(isMap(event.multiValueQueryStringParameters) ? event.multiValueQueryStringParameters : event.queryStringParameters);
  for (const [key, value] of Object.entries(map)) for (const v of [value].flat()) parts.push(`${key}=${v}`);
  return parts.join('&');
}
