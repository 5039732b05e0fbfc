import type { BuiltUnit, EmitContext, RouteRef } from 'carve/build';
import { stringify } from 'yaml';
import { AUTHORIZER, authorizerOf, gatewayJwt } from './gateway-auth.js';
import { httpRoutes, pascal, WARMUP_EVENT } from './routes.js';
import { environment, unitVariables } from './service.js';
import type { AwsSettings } from './settings.js';

/** AWS SAM `template.yaml`: a function per unit on SAM's implicit HTTP API. */
export function samTemplate({ app, shape, units, settings, environment: environmentOf, permissions }: EmitContext<AwsSettings>): string {
  // Events without an ApiId attach to SAM's implicit HTTP API, `ServerlessHttpApi`.
  const resources: Record<string, unknown> = {};
  const jwt = gatewayJwt(app);
  const authorizer = authorizerOf(app);
  const globals = environment(settings);
  for (const unit of units) {
    // SAM merges a function's variables with the Globals' (NODE_OPTIONS).
    const variables = unitVariables(environmentOf(unit));
    // SAM gives each function a role of its own (basic execution); these are the only other rights it gets.
    const { statements } = permissions(unit);
    resources[`${pascal(unit.name)}Function`] = {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: `${unit.name}/`, ...(variables ? { Environment: { Variables: variables } } : {}),
        ...(statements.length > 0 ? { Policies: [{ Version: '2012-10-17', Statement: statements }] } : {}),
        Events: events(unit, units, settings, authorizer),
      },
    };
  }
  return stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${app.name} (${shape}), built by carve`,
    Globals: {
      Function: {
        Runtime: settings.runtime, Handler: 'index.handler', MemorySize: settings.memoryMb, Timeout: settings.timeoutSeconds,
        ...(globals ? { Environment: { Variables: globals } } : {}),
      },
      // Bad tokens stop at the gateway, before a function runs: on the implicit HTTP API, for the routes that say so.
      ...(jwt ? { HttpApi: { Auth: { Authorizers: { [AUTHORIZER]: { IdentitySource: '$request.header.Authorization', JwtConfiguration: { issuer: jwt.issuer, audience: jwt.audience } } } } } } : {}),
    },
    Resources: resources,
    Outputs: { ApiUrl: { Description: 'The HTTP API endpoint', Value: { 'Fn::Sub': 'https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}' } } },
  // YAML 1.1, as CloudFormation reads it: a string 1.1 would take for a date or a boolean ('2010-09-09') is quoted.
  }, { lineWidth: 0, version: '1.1' });
}

function events(unit: BuiltUnit, units: readonly BuiltUnit[], settings: AwsSettings, authorizerOf: (route: RouteRef) => string | undefined): Record<string, unknown> {
  const events: Record<string, unknown> = {};
  const routes = httpRoutes(unit, units);
  if (routes === 'default') events['Default'] = { Type: 'HttpApi' };
  else {
    routes.forEach((r, i) => {
      const authorizer = authorizerOf(r);
      events[`${pascal(r.method.toLowerCase())}${i}`] = { Type: 'HttpApi', Properties: { Path: r.path, Method: r.method, ...(authorizer ? { Auth: { Authorizer: authorizer } } : {}) } };
    });
  }
  if (settings.warmup) events['Warmup'] = { Type: 'Schedule', Properties: { Schedule: 'rate(5 minutes)', Input: JSON.stringify(WARMUP_EVENT) } };
  return events;
}
