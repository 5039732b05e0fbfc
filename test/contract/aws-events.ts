import { parseQuery } from 'carve/adapter';
import type { AlbEvent, ApiGatewayV1Event, ApiGatewayV2Event, LambdaContext, LambdaHttpResult } from 'carve/aws';
import { decodeBody, encodeBody, type ContractRequest, type ContractResponse } from './client.js';

// Events written from the documented formats, the way each AWS front door delivers the same request.
const SOURCE_IP = '203.0.113.9';
let counter = 0;
const nextId = () => `aws-req-${++counter}`;

interface Parts {
  method: string;
  path: string;
  rawQuery: string;
  headers: [string, string[]][];
  body: Buffer | undefined;
}

function parts(req: ContractRequest): Parts {
  const { body, headers } = encodeBody(req);
  const q = req.url.indexOf('?');
  return {
    method: req.method,
    path: q === -1 ? req.url : req.url.slice(0, q),
    rawQuery: q === -1 ? '' : req.url.slice(q + 1),
    headers: Object.entries({ host: 'api.example.test', ...headers }).map(([n, v]) => [n, [v].flat()]),
    body,
  };
}

function bodyFields(body: Buffer | undefined): { body: string | null; isBase64Encoded: boolean } {
  if (!body) return { body: null, isBase64Encoded: false };
  const text = body.toString('utf8');
  // API Gateway base64-encodes what is not valid text; valid UTF-8 arrives as a string.
  return Buffer.from(text, 'utf8').equals(body) ? { body: text, isBase64Encoded: false } : { body: body.toString('base64'), isBase64Encoded: true };
}

const single = (headers: [string, string[]][]) => Object.fromEntries(headers.map(([n, v]) => [n, v.at(-1)!]));

export function restV1Event(req: ContractRequest, version?: '1.0'): ApiGatewayV1Event {
  const p = parts(req);
  const query = parseQuery(p.rawQuery);
  const multiQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v].flat()]));
  return {
    ...(version ? { version } : {}),
    resource: '/{proxy+}',
    path: p.path,
    httpMethod: p.method,
    headers: single(p.headers),
    multiValueHeaders: Object.fromEntries(p.headers),
    queryStringParameters: p.rawQuery ? Object.fromEntries(Object.entries(multiQuery).map(([k, v]) => [k, v.at(-1)!])) : null,
    multiValueQueryStringParameters: p.rawQuery ? multiQuery : null,
    pathParameters: { proxy: p.path.slice(1) },
    ...bodyFields(p.body),
    requestContext: { requestId: nextId(), stage: 'live', path: `/live${p.path}`, identity: { sourceIp: SOURCE_IP } },
  };
}

export function httpApiV2Event(req: ContractRequest, functionUrl = false): ApiGatewayV2Event {
  const p = parts(req);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of p.headers) {
    const key = name.toLowerCase();
    if (key === 'cookie') {
      cookies = values.flatMap((v) => v.split(/;\s*/));
      if (!functionUrl) continue; // HTTP API moves cookies out of the headers; a Function URL keeps both
    }
    headers[key] = values.join(','); // both join repeated headers with a bare comma
  }
  // HTTP API decodes the path it hands over; a Function URL does not.
  const rawPath = functionUrl ? p.path : safeDecode(p.path);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: p.rawQuery,
    ...(cookies ? { cookies } : {}),
    headers,
    ...bodyFields(p.body),
    requestContext: {
      requestId: nextId(),
      stage: '$default',
      domainName: functionUrl ? 'abcdefg.lambda-url.us-east-1.on.aws' : 'abcdefg.execute-api.us-east-1.amazonaws.com',
      http: { method: p.method, path: rawPath, sourceIp: SOURCE_IP },
    },
  };
}

export function albEvent(req: ContractRequest, multiValue = true): AlbEvent {
  const p = parts(req);
  const headers = p.headers.map(([n, v]) => [n.toLowerCase(), v] as [string, string[]]);
  headers.push(['x-forwarded-for', [`198.51.100.7, ${SOURCE_IP}`]]);
  // ALB leaves query keys and values percent-encoded.
  // Null prototype: a key named __proto__ must be an ordinary key here too.
  const query: Record<string, string[]> = Object.create(null);
  for (const pair of p.rawQuery ? p.rawQuery.split('&') : []) {
    const eq = pair.indexOf('=');
    (query[eq === -1 ? pair : pair.slice(0, eq)] ??= []).push(eq === -1 ? '' : pair.slice(eq + 1));
  }
  const common = { path: p.path, httpMethod: p.method, ...bodyFields(p.body), requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/carve/1' } } };
  if (multiValue) return { ...common, headers: null, multiValueHeaders: Object.fromEntries(headers), queryStringParameters: null, multiValueQueryStringParameters: { ...query } };
  return { ...common, headers: Object.fromEntries(headers.map(([n, v]) => [n, v.join(', ')])), queryStringParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.at(-1)!])) };
}

export const lambdaContext = (): LambdaContext => ({ awsRequestId: nextId(), getRemainingTimeInMillis: () => 30_000 });

/** Reads any HTTP result (v1, v2, ALB) back into the generic response. */
export function fromLambdaResult(result: LambdaHttpResult): ContractResponse {
  const r = result as LambdaHttpResult & { cookies?: string[]; multiValueHeaders?: Record<string, string[]> };
  const headers: Record<string, string> = {};
  let cookies = r.cookies ?? [];
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    if (name === 'set-cookie') cookies = [value];
    else headers[name] = value;
  }
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    if (name === 'set-cookie') cookies = values;
    else headers[name] = values.join(', ');
  }
  const rawBody = r.isBase64Encoded ? Buffer.from(r.body, 'base64') : Buffer.from(r.body ?? '', 'utf8');
  return { status: r.statusCode, headers, cookies, body: decodeBody(rawBody, headers['content-type']), rawBody };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
