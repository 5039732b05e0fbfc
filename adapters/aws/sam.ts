import type { EmitContext, RouteRef } from 'carve/build';
import { stringify } from 'yaml';
import { authorizerOf } from './gateway-auth.js';
import { functionSettings, samVpc } from './functions.js';
import { chooseApi, type ApiType } from './api-type.js';
import { gatewayRoutes, restCatchAllPaths, routeFeatures, type RouteFeatures } from './gateway.js';
import { pascal, WARMUP_EVENT } from './routes.js';
import { API, apiResources, apiUrl } from './sam-api.js';
import { environment, unitVariables } from './service.js';
import type { AwsSettings } from './settings.js';

/** AWS SAM `template.yaml`: a function per unit behind one API (HTTP API or REST API, as the settings need). */
export function samTemplate({ app, shape, stage, units, settings, environment: environmentOf, permissions }: EmitContext<AwsSettings>): string {
  const { gateway } = settings;
  const { type } = chooseApi(gateway);
  const features = routeFeatures(app, gateway);
  // The HTTP API's JWT authorizer, or a REST API's Cognito authorizer (carve checks the tokens too, as it always does).
  const authorizer = authorizerOf(app, type);
  const resources: Record<string, unknown> = {};
  const routed: { route: RouteRef; features: RouteFeatures }[] = [];
  const catchAllPaths = restCatchAllPaths(units, features);
  const globals = environment(settings);
  for (const unit of units) {
    // SAM merges a function's variables with the Globals' (NODE_OPTIONS).
    const variables = unitVariables(environmentOf(unit));
    // SAM gives each function a role of its own (basic execution); these are the only other rights it gets.
    const { statements } = permissions(unit);
    const fn = `${pascal(unit.name)}Function`;
    const { catchAll, routes } = gatewayRoutes(unit, units, features);
    routed.push(...routes.map((route) => ({ route, features: features(route) })));
    const own = functionSettings(unit, settings);
    resources[fn] = {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: `${unit.name}/`, ...(variables ? { Environment: { Variables: variables } } : {}),
        ...(own.memoryMb !== undefined ? { MemorySize: own.memoryMb } : {}), ...(own.timeoutSeconds !== undefined ? { Timeout: own.timeoutSeconds } : {}),
        ...(own.vpc ? { VpcConfig: samVpc(own.vpc) } : {}),
        ...(statements.length > 0 ? { Policies: [{ Version: '2012-10-17', Statement: statements }] } : {}),
        Events: events(type, catchAll ? catchAllPaths : undefined, routes, settings, features, authorizer),
      },
    };
    // The function's own logs, kept as long as the API's.
    if (gateway.logs) resources[`${fn}Logs`] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': `/aws/lambda/\${${fn}}` }, RetentionInDays: gateway.logs.retentionDays } };
  }
  const api = apiResources({ app, type, stage, gateway, routes: routed });
  return stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${app.name} (${shape}${stage ? `, ${stage}` : ''}), built by carve`,
    Globals: {
      Function: {
        Runtime: settings.runtime, Handler: 'index.handler', MemorySize: settings.memoryMb, Timeout: settings.timeoutSeconds,
        ...(gateway.tracing ? { Tracing: 'Active' } : {}),
        ...(globals ? { Environment: { Variables: globals } } : {}),
      },
    },
    Resources: { ...api.resources, ...resources },
    Outputs: { ApiUrl: { Description: `The ${type === 'http' ? 'HTTP' : 'REST'} API endpoint`, Value: apiUrl(type, stage) }, ...api.outputs },
  // YAML 1.1, as CloudFormation reads it: a string 1.1 would take for a date or a boolean ('2010-09-09') is quoted.
  }, { lineWidth: 0, version: '1.1' });
}

function events(type: ApiType, catchAll: readonly string[] | undefined, routes: readonly RouteRef[], settings: AwsSettings, features: (route: RouteRef) => RouteFeatures,
  authorizerOf: (route: RouteRef) => string | undefined): Record<string, unknown> {
  const events: Record<string, unknown> = {};
  const allKeyed = settings.gateway.apiKeys?.routes === 'all';
  if (catchAll && type === 'http') events['Default'] = { Type: 'HttpApi', Properties: { ApiId: { Ref: API } } };
  // A REST API has no $default route: the root, every path below it, and the other routes' resources.
  if (catchAll && type === 'rest') {
    catchAll.forEach((path, i) => {
      const name = i === 0 ? 'Root' : i === 1 ? 'Default' : `Any${i - 2}`;
      events[name] = { Type: 'Api', Properties: { RestApiId: { Ref: API }, Path: path, Method: 'any', ...(allKeyed ? { Auth: { ApiKeyRequired: true } } : {}) } };
    });
  }
  routes.forEach((r, i) => {
    const name = `${pascal(r.method.toLowerCase())}${i}`;
    if (type === 'http') {
      const authorizer = authorizerOf(r);
      events[name] = { Type: 'HttpApi', Properties: { ApiId: { Ref: API }, Path: r.path, Method: r.method, ...(authorizer ? { Auth: { Authorizer: authorizer } } : {}) } };
      return;
    }
    const { apiKey, cacheKeys } = features(r);
    const authorizer = authorizerOf(r);
    const auth = { ...(apiKey ? { ApiKeyRequired: true } : {}), ...(authorizer ? { Authorizer: authorizer } : {}) };
    events[name] = {
      Type: 'Api',
      Properties: {
        RestApiId: { Ref: API }, Path: r.path, Method: r.method === 'ANY' ? 'any' : r.method.toLowerCase(),
        ...(Object.keys(auth).length > 0 ? { Auth: auth } : {}),
        // The gateway's cache tells answers apart only by the parameters marked for it.
        ...(cacheKeys?.length ? { RequestParameters: cacheKeys.map((key) => ({ [key]: { Required: key.startsWith('method.request.path.'), Caching: true } })) } : {}),
      },
    };
  });
  if (settings.warmup) events['Warmup'] = { Type: 'Schedule', Properties: { Schedule: 'rate(5 minutes)', Input: JSON.stringify(WARMUP_EVENT) } };
  return events;
}
