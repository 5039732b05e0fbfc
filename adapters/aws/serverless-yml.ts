import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { EmitContext, RouteRef } from 'carve/build';
import { AUTHORIZER, authorizerOf, gatewayJwt } from './gateway-auth.js';
import { stringify } from 'yaml';
import { httpRoutes, pascal, WARMUP_EVENT } from './routes.js';
import { environment, serviceName, unitVariables } from './service.js';
import type { AwsSettings } from './settings.js';

export const OFFLINE_PLUGIN = 'serverless-offline';

/**
 * `serverless.yml` (Serverless Framework v3 format, as `osls` reads it): a function per unit, each packaged alone.
 * It lists serverless-offline when the project has it installed, so `osls offline` serves the file as it is; a
 * plugin listed but not installed would stop `osls package` too.
 */
export function serverlessYml({ app, shape, units, settings, outDir, environment: environmentOf, permissions }: EmitContext<AwsSettings>): string {
  const functions: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const jwt = gatewayJwt(app);
  const authorizerFor = authorizerOf(app);
  const authorizer = (r: RouteRef) => {
    const name = authorizerFor(r);
    return name ? { authorizer: { name } } : {};
  };
  const globals = environment(settings);
  for (const unit of units) {
    const routes = httpRoutes(unit, units);
    const events: unknown[] = routes === 'default' ? [{ httpApi: '*' }] : routes.map((r) => ({ httpApi: { method: r.method === 'ANY' ? '*' : r.method, path: r.path, ...authorizer(r) } }));
    if (settings.warmup) events.push({ schedule: { rate: 'rate(5 minutes)', input: WARMUP_EVENT } });
    // Secrets stay CloudFormation dynamic references: CloudFormation resolves them when the stack deploys.
    const variables = unitVariables(environmentOf(unit));
    // The framework gives every function one shared role; a unit with rights of its own gets a role of its own.
    const { statements } = permissions(unit);
    const role = statements.length > 0 ? `${pascal(unit.name)}Role` : undefined;
    if (role) roles[role] = functionRole(statements);
    functions[unit.name] = {
      handler: `${unit.name}/index.handler`, ...(variables ? { environment: variables } : {}), ...(role ? { role } : {}),
      package: { patterns: ['!**', `${unit.name}/**`] }, events,
    };
  }
  return stringify({
    service: serviceName(app, shape),
    frameworkVersion: '>=3',
    provider: {
      name: 'aws', runtime: settings.runtime, memorySize: settings.memoryMb, timeout: settings.timeoutSeconds,
      httpApi: {
        payload: '2.0',
        ...(jwt ? { authorizers: { [AUTHORIZER]: { type: 'jwt', identitySource: '$request.header.Authorization', issuerUrl: jwt.issuer, audience: [...jwt.audience] } } } : {}),
      },
      ...(globals ? { environment: globals } : {}),
    },
    package: { individually: true },
    ...(hasOfflinePlugin(outDir) ? { plugins: [OFFLINE_PLUGIN] } : {}),
    functions,
    ...(Object.keys(roles).length > 0 ? { resources: { Resources: roles } } : {}),
  }, { lineWidth: 0, version: '1.1' });
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
