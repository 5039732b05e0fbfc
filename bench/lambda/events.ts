// API Gateway HTTP API (payload 2.0) events, as written in the AWS documentation.
const base = {
  version: '2.0', routeKey: '$default', rawQueryString: '', cookies: undefined, isBase64Encoded: false,
  headers: { accept: 'application/json', host: 'abc.execute-api.us-east-1.amazonaws.com', 'user-agent': 'bench', 'x-forwarded-proto': 'https' },
};
const requestContext = (method: string, path: string) => ({
  accountId: '123456789012', apiId: 'abc', domainName: 'abc.execute-api.us-east-1.amazonaws.com', domainPrefix: 'abc',
  http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.1', userAgent: 'bench' },
  requestId: 'bench-request', routeKey: '$default', stage: '$default', time: '22/Nov/2026:10:00:00 +0000', timeEpoch: 1795341600000,
});

export const getEvent = { ...base, rawPath: '/courses/MATH-101', body: undefined, requestContext: requestContext('GET', '/courses/MATH-101') };
export const postEvent = {
  ...base, rawPath: '/courses', headers: { ...base.headers, 'content-type': 'application/json' },
  body: JSON.stringify({ code: 'PHYS-110', title: 'Optics', credits: 4 }), requestContext: requestContext('POST', '/courses'),
};
export const lambdaContext = {
  awsRequestId: 'bench', functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '1024', logGroupName: 'x', logStreamName: 'x',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench', callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
};
