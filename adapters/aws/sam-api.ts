import type { App } from 'carve';
import type { RouteRef } from 'carve/build';
import { AUTHORIZER, COGNITO_AUTHORIZER, gatewayJwt, restCognitoPool, userPoolArn } from './gateway-auth.js';
import { gatewayCors, samCors } from './gateway-cors.js';
import type { ApiType } from './api-type.js';
import { stageName, type RouteFeatures } from './gateway.js';
import { pascal, withHead } from './routes.js';
import type { GatewaySettings } from './settings.js';

/** The API's logical id in template.yaml. */
export const API = 'CarveApi';
const ACCESS_LOGS = 'CarveApiAccessLogs';

// One JSON line per request, from API Gateway's $context variables.
const ACCESS_LOG_FORMAT: Record<ApiType, string> = {
  http: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', time: '$context.requestTime', method: '$context.httpMethod', route: '$context.routeKey', status: '$context.status', length: '$context.responseLength', latencyMs: '$context.responseLatency' }),
  rest: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', time: '$context.requestTime', method: '$context.httpMethod', route: '$context.resourcePath', status: '$context.status', length: '$context.responseLength', latencyMs: '$context.responseLatency', apiKeyId: '$context.identity.apiKeyId' }),
};

interface ApiInput {
  app: App;
  type: ApiType;
  stage: string | undefined;
  gateway: GatewaySettings;
  /** Every route the functions' events give the API, with what the gateway does for each. */
  routes: readonly { route: RouteRef; features: RouteFeatures }[];
}

/** The API resource (HTTP API or REST API) and what goes with it: its access log group, usage plans and their keys. */
export function apiResources({ app, type, stage, gateway, routes }: ApiInput): { resources: Record<string, unknown>; outputs: Record<string, unknown> } {
  const resources: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  const properties: Record<string, unknown> = { StageName: stageName(type, stage) };
  if (Object.keys(gateway.stageVariables).length > 0) properties[type === 'http' ? 'StageVariables' : 'Variables'] = gateway.stageVariables;
  if (gateway.logs) {
    resources[ACCESS_LOGS] = { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: gateway.logs.retentionDays } };
    properties[type === 'http' ? 'AccessLogSettings' : 'AccessLogSetting'] = { DestinationArn: { 'Fn::GetAtt': [ACCESS_LOGS, 'Arn'] }, Format: ACCESS_LOG_FORMAT[type] };
    // A REST API writes logs only with the region's API Gateway account role set (as the Serverless Framework sets it too).
    if (type === 'rest') Object.assign(resources, restLogsRole());
  }
  if (gateway.domain) {
    properties['Domain'] = {
      DomainName: gateway.domain.name, CertificateArn: gateway.domain.certificateArn, EndpointConfiguration: 'REGIONAL',
      ...(gateway.domain.basePath ? { BasePath: [gateway.domain.basePath] } : {}),
    };
  }
  if (type === 'http') Object.assign(properties, httpApiProperties(app, gateway, routes));
  else Object.assign(properties, restApiProperties(app, gateway, routes));
  resources[API] = { Type: type === 'http' ? 'AWS::Serverless::HttpApi' : 'AWS::Serverless::Api', Properties: properties };
  if (type === 'rest' && gateway.apiKeys) usagePlans(app, gateway.apiKeys.plans, resources, outputs);
  return { resources, outputs };
}

function httpApiProperties(app: App, gateway: GatewaySettings, routes: ApiInput['routes']): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  // Bad tokens stop at the gateway, before a function runs: for the routes that say so.
  const jwt = gatewayJwt(app);
  if (jwt) properties['Auth'] = { Authorizers: { [AUTHORIZER]: { IdentitySource: '$request.header.Authorization', JwtConfiguration: { issuer: jwt.issuer, audience: jwt.audience } } } };
  const cors = gatewayCors(app);
  if (cors) properties['CorsConfiguration'] = samCors(cors);
  if (gateway.throttle) properties['DefaultRouteSettings'] = { ThrottlingRateLimit: gateway.throttle.rateLimit, ThrottlingBurstLimit: gateway.throttle.burstLimit };
  const throttled = routes.filter((r) => r.features.throttle);
  if (throttled.length > 0) {
    properties['RouteSettings'] = Object.fromEntries(throttled.map(({ route, features }) => [`${route.method} ${route.path}`, { ThrottlingRateLimit: features.throttle!.rateLimit, ThrottlingBurstLimit: features.throttle!.burstLimit }]));
  }
  return properties;
}

function restApiProperties(app: App, gateway: GatewaySettings, routes: ApiInput['routes']): Record<string, unknown> {
  const properties: Record<string, unknown> = { EndpointConfiguration: { Type: 'REGIONAL' } };
  const methodSettings: Record<string, unknown>[] = [];
  if (gateway.throttle) methodSettings.push({ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: gateway.throttle.rateLimit, ThrottlingBurstLimit: gateway.throttle.burstLimit });
  for (const { route, features } of routes) {
    const setting: Record<string, unknown> = {};
    if (features.throttle) Object.assign(setting, { ThrottlingRateLimit: features.throttle.rateLimit, ThrottlingBurstLimit: features.throttle.burstLimit });
    if (features.cacheSeconds !== undefined) Object.assign(setting, { CachingEnabled: true, CacheTtlInSeconds: features.cacheSeconds });
    // A method setting's path is "/", then the resource path with each "/" written "~1".
    if (Object.keys(setting).length > 0) methodSettings.push({ ResourcePath: `/${route.path.replaceAll('/', '~1')}`, HttpMethod: route.method, ...setting });
  }
  if (methodSettings.length > 0) properties['MethodSettings'] = methodSettings;
  if (routes.some((r) => r.features.cacheSeconds !== undefined)) Object.assign(properties, { CacheClusterEnabled: true, CacheClusterSize: gateway.cacheSizeGb });
  if (gateway.tracing) properties['TracingEnabled'] = true;
  const pool = restCognitoPool(app);
  const auth = {
    ...(gateway.allowIps ? { ResourcePolicy: { IpRangeWhitelist: gateway.allowIps } } : {}),
    ...(pool ? { Authorizers: { [COGNITO_AUTHORIZER]: { UserPoolArn: userPoolArn(pool), Identity: { Header: 'Authorization' } } } } : {}),
  };
  if (Object.keys(auth).length > 0) properties['Auth'] = auth;
  return properties;
}

/** A usage plan per plan, with one API key each: its id is an output (`aws apigateway get-api-key --include-value --api-key <id>`). */
function usagePlans(app: App, plans: NonNullable<GatewaySettings['apiKeys']>['plans'], resources: Record<string, unknown>, outputs: Record<string, unknown>): void {
  for (const [name, plan] of Object.entries(plans)) {
    const id = planId(name);
    // A plan's rate for one method: keyed "<resource path>/<METHOD>" (HEAD with its GET).
    const perRoute = Object.fromEntries(Object.entries(plan.routes).flatMap(([handlerId, throttle]) => {
      const h = app.handlers.find((x) => x.id === handlerId)!;
      return withHead([h]).map((r) => [`${r.path}/${r.method}`, { RateLimit: throttle.rateLimit, BurstLimit: throttle.burstLimit }]);
    }));
    resources[`CarveUsagePlan${id}`] = {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        UsagePlanName: { 'Fn::Sub': `\${AWS::StackName}-${name}` },
        // `CarveApi.Stage` is the stage SAM makes for the API: the plan comes after it.
        ApiStages: [{ ApiId: { Ref: API }, Stage: { Ref: `${API}.Stage` }, ...(Object.keys(perRoute).length > 0 ? { Throttle: perRoute } : {}) }],
        ...(plan.throttle ? { Throttle: { RateLimit: plan.throttle.rateLimit, BurstLimit: plan.throttle.burstLimit } } : {}),
        ...(plan.quota ? { Quota: { Limit: plan.quota.limit, Period: plan.quota.period } } : {}),
      },
    };
    resources[`CarveApiKey${id}`] = { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Name: { 'Fn::Sub': `\${AWS::StackName}-${name}` } } };
    resources[`CarveUsagePlanKey${id}`] = { Type: 'AWS::ApiGateway::UsagePlanKey', Properties: { KeyId: { Ref: `CarveApiKey${id}` }, KeyType: 'API_KEY', UsagePlanId: { Ref: `CarveUsagePlan${id}` } } };
    outputs[`ApiKey${id}`] = { Description: `The id of the ${name} plan's API key (its value: aws apigateway get-api-key --include-value --api-key <id>)`, Value: { Ref: `CarveApiKey${id}` } };
  }
}

function restLogsRole(): Record<string, unknown> {
  return {
    CarveApiGatewayLogsRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' }],
      },
    },
    CarveApiGatewayAccount: { Type: 'AWS::ApiGateway::Account', Properties: { CloudWatchRoleArn: { 'Fn::GetAtt': ['CarveApiGatewayLogsRole', 'Arn'] } } },
  };
}

/** A usage plan's part of its resources' and outputs' logical ids (`partners` → `Partners`: `ApiKeyPartners`). */
export const planId = (plan: string) => pascal(plan.replaceAll('_', '-'));

/** Where the API answers: its execute-api URL, with the stage when it has one in the path. */
export function apiUrl(type: ApiType, stage: string | undefined): unknown {
  const name = stageName(type, stage);
  const path = name === '$default' ? '' : `/${name}`;
  return { 'Fn::Sub': `https://\${${API}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}${path}` };
}
