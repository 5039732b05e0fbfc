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
  headers?: StringMap | undefined;
  multiValueHeaders?: MultiMap | undefined;
  queryStringParameters?: StringMap | undefined;
  multiValueQueryStringParameters?: MultiMap | undefined;
  body?: string | null | undefined;
  isBase64Encoded?: boolean | undefined;
}

export interface ApiGatewayV1Event extends ProxyEvent {
  version?: '1.0' | undefined;
  resource?: string | undefined;
  pathParameters?: StringMap | undefined;
  requestContext: {
    requestId?: string | undefined;
    stage?: string | undefined;
    path?: string | undefined;
    identity?: { sourceIp?: string | undefined; userArn?: string | null | undefined; user?: string | null | undefined } | null | undefined;
    authorizer?: Record<string, unknown> | null | undefined;
    [key: string]: unknown;
  };
}

export interface ApiGatewayV2Event {
  version: '2.0';
  routeKey?: string | undefined;
  rawPath: string;
  rawQueryString?: string | undefined;
  cookies?: string[] | null | undefined;
  headers?: StringMap | undefined;
  body?: string | null | undefined;
  isBase64Encoded?: boolean | undefined;
  requestContext: {
    requestId?: string | undefined;
    stage?: string | undefined;
    domainName?: string | undefined;
    http: { method: string; path?: string | undefined; sourceIp?: string | undefined };
    authorizer?: Record<string, unknown> | null | undefined;
    [key: string]: unknown;
  };
}

export interface AlbEvent extends ProxyEvent {
  requestContext: { elb: { targetGroupArn?: string | undefined } };
}

export interface LambdaContext {
  awsRequestId?: string | undefined;
  getRemainingTimeInMillis?: (() => number) | undefined;
  [key: string]: unknown;
}

export interface ApiGatewayV2Result {
  statusCode: number;
  headers?: Record<string, string> | undefined;
  cookies?: string[] | undefined;
  body: string;
  isBase64Encoded: boolean;
}

export interface ApiGatewayV1Result {
  statusCode: number;
  headers?: Record<string, string> | undefined;
  multiValueHeaders?: Record<string, string[]> | undefined;
  body: string;
  isBase64Encoded: boolean;
}

export interface AlbResult extends ApiGatewayV1Result {
  statusDescription: string;
}

export type LambdaHttpEvent = ApiGatewayV1Event | ApiGatewayV2Event | AlbEvent;
export type LambdaHttpResult = ApiGatewayV1Result | ApiGatewayV2Result | AlbResult;
export type LambdaHandler = (event: unknown, context: LambdaContext) => Promise<unknown>;
