import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { EmitContext, RouteRef } from 'carve/build';
import { AUTHORIZER, authorizerOf, gatewayJwt, restCognitoPool, userPoolArn } from './gateway-auth.js';
import { gatewayCors, serverlessCors } from './gateway-cors.js';
import { stringify } from 'yaml';
import { functionSettings } from './functions.js';
import { chooseApi } from './api-type.js';
import { gatewayRoutes, restCatchAllPaths, routeFeatures, stageName } from './gateway.js';
import { pascal, WARMUP_EVENT } from './routes.js';
import { environment, serviceName, unitVariables } from './service.js';
import type { AwsSettings, GatewaySettings } from './settings.js';

export const OFFLINE_PLUGIN = 'serverless-offline';

/**
 * `serverless.yml` (Serverless Framework v3 format, as `osls` reads it): a function per unit, each packaged alone.
 * It lists serverless-offline when the project has it installed, so `osls offline` serves the file as it is; a
 * plugin listed but not installed would stop `osls package` too.
 */
export function serverlessYml({ app, shape, stage, units, settings, outDir, environment: environmentOf, permissions }: EmitContext<AwsSettings>): string {
  const functions: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const { gateway } = settings;
  const { type } = chooseApi(gateway);
  const features = routeFeatures(app, gateway);
  const jwt = type === 'http' ? gatewayJwt(app) : undefined;
  const cors = type === 'http' ? gatewayCors(app) : undefined;
  const authorizerFor = authorizerOf(app, type);
  const pool = restCognitoPool(app);
  const authorizer = (r: RouteRef) => {
    const name = authorizerFor(r);
    if (!name) return {};
    // A REST event names its Cognito authorizer by the pool; an HTTP API event, the provider's JWT authorizer.
    return { authorizer: type === 'rest' && pool ? { name, type: 'COGNITO_USER_POOLS', arn: userPoolArn(pool) } : { name } };
  };
  const globals = environment(settings);
  const catchAllPaths = restCatchAllPaths(units, features);
  for (const unit of units) {
    const { catchAll, routes } = gatewayRoutes(unit, units, features);
    const private_ = (r: RouteRef) => (features(r).apiKey ? { private: true } : {});
    const events: unknown[] = type === 'http'
      ? [...(catchAll ? [{ httpApi: '*' }] : []), ...routes.map((r) => ({ httpApi: { method: r.method === 'ANY' ? '*' : r.method, path: r.path, ...authorizer(r) } }))]
      : [
        ...(catchAll ? catchAllPaths.map((path) => ({ http: { method: 'any', path, ...(gateway.apiKeys?.routes === 'all' ? { private: true } : {}) } })) : []),
        ...routes.map((r) => ({ http: { method: r.method === 'ANY' ? 'any' : r.method.toLowerCase(), path: r.path, ...private_(r), ...authorizer(r) } })),
      ];
    if (settings.warmup) events.push({ schedule: { rate: 'rate(5 minutes)', input: WARMUP_EVENT } });
    // Secrets stay CloudFormation dynamic references: CloudFormation resolves them when the stack deploys.
    const variables = unitVariables(environmentOf(unit));
    // The framework gives every function one shared role; a unit with rights of its own gets a role of its own.
    const { statements } = permissions(unit);
    const role = statements.length > 0 ? `${pascal(unit.name)}Role` : undefined;
    if (role) roles[role] = functionRole(statements);
    const own = functionSettings(unit, settings);
    functions[unit.name] = {
      handler: `${unit.name}/index.handler`,
      ...(own.memoryMb !== undefined ? { memorySize: own.memoryMb } : {}), ...(own.timeoutSeconds !== undefined ? { timeout: own.timeoutSeconds } : {}),
      ...(own.vpc ? { vpc: own.vpc } : {}), ...(variables ? { environment: variables } : {}), ...(role ? { role } : {}),
      package: { patterns: ['!**', `${unit.name}/**`] }, events,
    };
  }
  return stringify({
    service: serviceName(app, shape),
    frameworkVersion: '>=3',
    provider: {
      name: 'aws', runtime: settings.runtime, memorySize: settings.memoryMb, timeout: settings.timeoutSeconds,
      ...(type === 'rest' || stage ? { stage: stageName(type, stage) } : {}),
      ...(type === 'http' ? {
        httpApi: {
          payload: '2.0',
          ...(cors ? { cors: serverlessCors(cors) } : {}),
          ...(jwt ? { authorizers: { [AUTHORIZER]: { type: 'jwt', identitySource: '$request.header.Authorization', issuerUrl: jwt.issuer, audience: [...jwt.audience] } } } : {}),
        },
      } : { endpointType: 'REGIONAL', ...restApiGateway(gateway) }),
      ...(gateway.tracing ? { tracing: { lambda: true, ...(type === 'rest' ? { apiGateway: true } : {}) } } : {}),
      ...(gateway.logs ? { logs: { [type === 'http' ? 'httpApi' : 'restApi']: true }, logRetentionInDays: gateway.logs.retentionDays } : {}),
      ...(globals ? { environment: globals } : {}),
    },
    package: { individually: true },
    ...(hasOfflinePlugin(outDir) ? { plugins: [OFFLINE_PLUGIN] } : {}),
    functions,
    ...(Object.keys(roles).length > 0 ? { resources: { Resources: roles } } : {}),
  }, { lineWidth: 0, version: '1.1' });
}

/** `provider.apiGateway` of a REST API: API keys (one per plan) and usage plans, the IP allow-list as a resource policy. */
function restApiGateway(gateway: GatewaySettings): Record<string, unknown> {
  const apiGateway: Record<string, unknown> = {};
  if (gateway.apiKeys) {
    const plans = Object.entries(gateway.apiKeys.plans);
    apiGateway['apiKeys'] = plans.map(([name]) => ({ [name]: [`\${self:service}-\${sls:stage}-${name}`] }));
    apiGateway['usagePlan'] = plans.map(([name, plan]) => ({ [name]: { ...(plan.quota ? { quota: plan.quota } : {}), ...(plan.throttle ? { throttle: plan.throttle } : {}) } }));
  }
  if (gateway.allowIps) {
    apiGateway['resourcePolicy'] = [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'], Condition: { IpAddress: { 'aws:SourceIp': gateway.allowIps } } }];
  }
  return Object.keys(apiGateway).length > 0 ? { apiGateway } : {};
}

/** What serverless.yml cannot say of the gateway (the framework has no setting for it): template.yaml has it. */
export function serverlessYmlGaps(gateway: GatewaySettings): string[] {
  const gaps = [
    gateway.throttle ? 'throttling (aws.gateway.throttle)' : undefined,
    Object.values(gateway.apiKeys?.plans ?? {}).some((p) => Object.keys(p.routes).length > 0) ? "a usage plan's rates per route (aws.gateway.apiKeys.plans.<plan>.routes)" : undefined,
    Object.keys(gateway.cache).length > 0 ? 'response caching (aws.gateway.cache)' : undefined,
    Object.keys(gateway.stageVariables).length > 0 ? 'stage variables (aws.gateway.stageVariables)' : undefined,
    gateway.domain ? 'the custom domain (aws.gateway.domain)' : undefined,
  ].filter((gap): gap is string => gap !== undefined);
  return gaps.length > 0 ? [`serverless.yml leaves out ${gaps.join(', ')}: the framework has no setting for ${gaps.length > 1 ? 'them' : 'it'}; template.yaml has ${gaps.length > 1 ? 'them' : 'it'}`] : [];
}

/** A Lambda role: logs (as the framework's own role has) and the unit's statements, nothing else. */
function functionRole(statements: unknown[]): unknown {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }],
      Policies: [{ PolicyName: 'carve-resources', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}

/** Whether serverless-offline resolves from the output folder, as osls run there looks for its plugins. */
export function hasOfflinePlugin(dir: string): boolean {
  try {
    createRequire(resolve(dir, 'serverless.yml')).resolve(OFFLINE_PLUGIN);
    return true;
  } catch {
    return false;
  }
}
