// The event and result shapes carve reads and writes, from the documented formats:
// REST / HTTP API 1.0: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
// HTTP API 2.0:        https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
// Function URL:        https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
// ALB:                 https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html

type Nullable<T> = T | null | undefined;
export type StringMap = Nullable<Record<string, string | undefined>>;
export type MultiMap = Nullable<Record<string, string[] | undefined>>;

/** The fields REST (v1, HTTP API 1.0) and ALB events share. */
interface ProxyEvent {
  path: string;
  httpMethod: string;
  headers?: StringMap;
  multiValueHeaders?: MultiMap;
  queryStringParameters?: StringMap;
  multiValueQueryStringParameters?: MultiMap;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface ApiGatewayV1Event extends ProxyEvent {
  version?: '1.0';
  resource?: string;
  pathParameters?: StringMap;
  requestContext: {
    requestId?: string;
    stage?: string;
    path?: string;
    identity?: { sourceIp?: string; userArn?: string | null; user?: string | null } | null;
    authorizer?: Record<string, unknown> | null;
    [key: string]: unknown;
  };
}

export interface ApiGatewayV2Event {
  version: '2.0';
  routeKey?: string;
  rawPath: string;
  rawQueryString?: string;
  cookies?: string[] | null;
  headers?: StringMap;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext: {
    requestId?: string;
    stage?: string;
    domainName?: string;
    http: { method: string; path?: string; sourceIp?: string };
    authorizer?: Record<string, unknown> | null;
    [key: string]: unknown;
  };
}

export interface AlbEvent extends ProxyEvent {
  requestContext: { elb: { targetGroupArn?: string } };
}

export interface LambdaContext {
  awsRequestId?: string;
  getRemainingTimeInMillis?: () => number;
  [key: string]: unknown;
}

export interface ApiGatewayV2Result {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

export interface ApiGatewayV1Result {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

export interface AlbResult extends ApiGatewayV1Result {
  statusDescription: string;
}

export type LambdaHttpEvent = ApiGatewayV1Event | ApiGatewayV2Event | AlbEvent;
export type LambdaHttpResult = ApiGatewayV1Result | ApiGatewayV2Result | AlbResult;
export type LambdaHandler = (event: unknown, context: LambdaContext) => Promise<unknown>;
