import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cors, createApp, handler, jwtAuth, type App } from 'carve';
import type { EmitContext } from 'carve/build';
import * as z from 'carve/zod/mini';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cfnLint, pythonCfnLint } from '../../test/support/cfn-lint.js';
import { oslsPackage } from '../../test/support/osls.js';
import { entryOptions } from './entry-options.js';
import { chooseApi } from './api-type.js';
import { checkGateway } from './gateway.js';
import { samTemplate } from './sam.js';
import awsTarget from './target.js';
import { serverlessYml, serverlessYmlGaps } from './serverless-yml.js';
import { AwsSettings, GatewaySettings } from './settings.js';

const outside = mkdtempSync(join(tmpdir(), 'carve-gateway-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const shop = createApp({
  name: 'shop',
  handlers: [
    handler({ method: 'GET', path: '/health', auth: 'public' }, () => 'ok'),
    handler({ method: 'GET', path: '/courses', auth: 'public', query: z.object({ year: z.optional(z.string()), q: z.optional(z.string()) }) }, () => []),
    handler({ method: 'GET', path: '/courses/{code}', auth: 'public' }, () => ({})),
    handler({ method: 'POST', path: '/orders', auth: 'authenticated' }, () => ({})),
  ],
  auth: jwtAuth({ jwksUrl: 'https://login.shop.example/.well-known/jwks.json', issuer: 'https://login.shop.example/', audience: 'shop-api' }),
  middleware: [cors({ origins: ['https://shop.example'], credentials: true, allowHeaders: ['authorization', 'content-type'], exposeHeaders: ['x-request-id'], maxAge: 600 })],
});
const routesOf = (app: App) => app.handlers.map((h) => ({ method: h.method, path: h.path }));
const unit = (name: string, routes: { method: string; path: string }[], handlerIds: string[] = []) => ({ name, handlerIds, routes, dir: join(outside, name), entry: 'index.js', bundleBytes: 0, gzipBytes: 0, externals: {}, modules: 0, remainder: false });
const nanoUnits = () => [...shop.handlers.map((h) => unit(h.id, [{ method: h.method, path: h.path }], [h.id])), unit('carve-fallback', routesOf(shop))];

function context(gateway: Record<string, unknown>, options: { monolith?: boolean; stage?: string } = {}): EmitContext<AwsSettings> {
  return {
    app: shop, shape: options.monolith ? 'monolith' : 'nanoservices', stage: options.stage, outDir: outside, settings: AwsSettings.parse({ gateway }), bundle: async () => '',
    environment: () => ({ values: {}, secrets: {} }), permissions: () => ({ resources: {}, statements: [] }),
    units: options.monolith ? [unit('shop', routesOf(shop), shop.handlers.map((h) => h.id))] : nanoUnits(),
  };
}
const sam = (gateway: Record<string, unknown>, options?: Parameters<typeof context>[1]) => parse(samTemplate(context(gateway, options)));
const sls = (gateway: Record<string, unknown>, options?: Parameters<typeof context>[1]) => parse(serverlessYml(context(gateway, options)));
const api = (template: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }) => template.Resources['CarveApi']!;
const eventsOf = (template: { Resources: Record<string, { Properties: { Events: Record<string, { Type: string; Properties: Record<string, unknown> }> } }> }, fn: string) => template.Resources[fn]!.Properties.Events;

const plans = { partners: { throttle: { rateLimit: 50, burstLimit: 100 }, quota: { limit: 10_000, period: 'DAY' } }, free: { quota: { limit: 100, period: 'DAY' } } };
// Every gateway feature at once, on a REST API: what the Python cfn-lint and osls package are asked to accept.
const everything = {
  stageVariables: { CATALOG: 'v2' }, throttle: { rateLimit: 100, burstLimit: 200, routes: { postOrders: { rateLimit: 5, burstLimit: 10 } } },
  apiKeys: { routes: ['postOrders'], plans: { ...plans, partners: { ...plans.partners, routes: { postOrders: { rateLimit: 10, burstLimit: 20 } } } } }, cache: { getCoursesByCode: 300, getCourses: 60 }, logs: { retentionDays: 30 }, tracing: true,
  allowIps: ['203.0.113.0/24', '198.51.100.7'], domain: { name: 'api.shop.example', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123', basePath: 'v1' },
};

describe('the API type', () => {
  it('is an HTTP API unless a feature only a REST API has is asked for, and says why', () => {
    expect(chooseApi(GatewaySettings.parse({}))).toEqual({ type: 'http', reason: expect.stringMatching(/^an HTTP API \(the default/) });
    expect(chooseApi(GatewaySettings.parse({ throttle: { rateLimit: 1, burstLimit: 1 }, logs: { retentionDays: 7 }, tracing: true })).type).toBe('http');
    expect(chooseApi(GatewaySettings.parse({ apiKeys: { routes: 'all', plans }, allowIps: ['10.0.0.0/8'] })).reason)
      .toBe('a REST API, for API keys and usage plans (aws.gateway.apiKeys), an IP allow-list (a resource policy) (aws.gateway.allowIps): an HTTP API has none');
    expect(chooseApi(GatewaySettings.parse({ cache: { getCourses: 60 } })).type).toBe('rest');
    expect(chooseApi(GatewaySettings.parse({ api: 'rest' })).type).toBe('rest');
  });

  it('refuses a feature the type set lacks, naming the type that has it', () => {
    for (const [feature, setting] of [[{ apiKeys: { routes: 'all', plans } }, 'apiKeys'], [{ cache: { getCourses: 60 } }, 'cache'], [{ allowIps: ['10.0.0.0/8'] }, 'allowIps']] as const) {
      expect(() => chooseApi(GatewaySettings.parse({ api: 'http', ...feature }))).toThrow(new RegExp(`^aws\\.gateway\\.${setting}: .* need a REST API, and aws\\.gateway\\.api is 'http'`));
    }
  });

  it('refuses settings naming a handler the app lacks, and caching a route that is not a public GET', () => {
    expect(() => checkGateway(shop, GatewaySettings.parse({ throttle: { rateLimit: 1, burstLimit: 1, routes: { getCourse: { rateLimit: 1, burstLimit: 1 } } } })))
      .toThrow('aws.gateway.throttle.routes: no handler has the id "getCourse" (shop has getHealth, getCourses, getCoursesByCode, postOrders)');
    expect(() => checkGateway(shop, GatewaySettings.parse({ apiKeys: { routes: ['nope'], plans } }))).toThrow(/apiKeys\.routes: no handler has the id "nope"/);
    expect(() => checkGateway(shop, GatewaySettings.parse({ cache: { postOrders: 60 } }))).toThrow('aws.gateway.cache.postOrders: only GET routes are cached, and postOrders is POST /orders');
    const guarded = createApp({ name: 'g', handlers: [handler({ method: 'GET', path: '/me' }, () => ({}))] });
    expect(() => checkGateway(guarded, GatewaySettings.parse({ cache: { getMe: 60 } }))).toThrow(/needs a caller, and the gateway's cache does not tell callers apart/);
    expect(() => checkGateway(shop, GatewaySettings.parse(everything))).not.toThrow();
    // A REST API's resource tree has one variable part per level.
    const clashing = createApp({ name: 'c', handlers: [handler({ method: 'GET', path: '/a/{id}', auth: 'public' }, () => 1), handler({ method: 'GET', path: '/a/{key}/b', auth: 'public' }, () => 1)] });
    expect(() => checkGateway(clashing, GatewaySettings.parse({ api: 'rest' }))).toThrow('a REST API has one variable path part per level, and GET /a/{key}/b (getAByKeyB) puts {key} beside /a/{id}: name the parameter alike, or use an HTTP API');
    expect(() => checkGateway(clashing, GatewaySettings.parse({}))).not.toThrow();
    const rootParam = createApp({ name: 'r', handlers: [handler({ method: 'GET', path: '/{slug}', auth: 'public' }, () => 1)] });
    expect(() => checkGateway(rootParam, GatewaySettings.parse({ api: 'rest' }))).toThrow(/puts \{slug\} beside carve's catch-all \/\{proxy\+\}/);
  });
});

describe('the gateway features in template.yaml and serverless.yml', () => {
  it('throttling: the stage default and per route, on either API type', () => {
    const throttle = { rateLimit: 100, burstLimit: 200, routes: { postOrders: { rateLimit: 5, burstLimit: 10 } } };
    expect(api(sam({ throttle })).Properties).toMatchObject({
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }, RouteSettings: { 'POST /orders': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    });
    expect(api(sam({ throttle, api: 'rest' })).Properties['MethodSettings']).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      { ResourcePath: '/~1orders', HttpMethod: 'POST', ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    ]);
    expect(serverlessYmlGaps(GatewaySettings.parse({ throttle }))).toEqual([expect.stringMatching(/^serverless\.yml leaves out throttling \(aws\.gateway\.throttle\): the framework has no setting for it/)]);
  });

  it('API keys: only the routes named need one (HEAD with its GET), each plan with its throttle, quota and key', () => {
    const template = sam({ apiKeys: { routes: ['postOrders', 'getCourses'], plans } });
    expect(api(template).Type).toBe('AWS::Serverless::Api');
    expect(eventsOf(template, 'PostOrdersFunction')['Post0']!.Properties).toEqual({ RestApiId: { Ref: 'CarveApi' }, Path: '/orders', Method: 'post', Auth: { ApiKeyRequired: true } });
    expect(Object.values(eventsOf(template, 'GetCoursesFunction')).map((e) => e.Properties['Auth'])).toEqual([{ ApiKeyRequired: true }, { ApiKeyRequired: true }]);
    expect(eventsOf(template, 'GetHealthFunction')['Get0']!.Properties).not.toHaveProperty('Auth');
    expect(template.Resources.CarveUsagePlanPartners.Properties).toEqual({
      UsagePlanName: { 'Fn::Sub': '${AWS::StackName}-partners' }, ApiStages: [{ ApiId: { Ref: 'CarveApi' }, Stage: { Ref: 'CarveApi.Stage' } }],
      Throttle: { RateLimit: 50, BurstLimit: 100 }, Quota: { Limit: 10_000, Period: 'DAY' },
    });
    expect(template.Resources.CarveUsagePlanFree.Properties).not.toHaveProperty('Throttle');
    // A plan's own rate for a route that takes a key (HEAD with its GET).
    const perRoute = sam({ apiKeys: { routes: ['postOrders', 'getCourses'], plans: { partners: { routes: { getCourses: { rateLimit: 2, burstLimit: 4 } } } } } });
    expect(perRoute.Resources.CarveUsagePlanPartners.Properties.ApiStages).toEqual([{
      ApiId: { Ref: 'CarveApi' }, Stage: { Ref: 'CarveApi.Stage' },
      Throttle: { '/courses/GET': { RateLimit: 2, BurstLimit: 4 }, '/courses/HEAD': { RateLimit: 2, BurstLimit: 4 } },
    }]);
    expect(() => checkGateway(shop, GatewaySettings.parse({ apiKeys: { routes: ['postOrders'], plans: { partners: { routes: { getHealth: { rateLimit: 1, burstLimit: 1 } } } } } })))
      .toThrow('aws.gateway.apiKeys.plans.partners.routes.getHealth: getHealth takes no API key (aws.gateway.apiKeys.routes), so no usage plan meters it');
    expect(template.Resources.CarveUsagePlanKeyFree.Properties).toEqual({ KeyId: { Ref: 'CarveApiKeyFree' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'CarveUsagePlanFree' } });
    expect(template.Outputs.ApiKeyPartners.Value).toEqual({ Ref: 'CarveApiKeyPartners' });
    // The deploy commands say how to read each key's value, which API Gateway makes.
    const commands = awsTarget.deploy!({ app: shop, shape: 'nanoservices', stage: 'prod', dir: 'dist/aws/nanoservices', units: [], settings: AwsSettings.parse({ gateway: { apiKeys: { routes: ['postOrders'], plans } } }) });
    expect(commands[1]).toBe(`aws apigateway get-api-key --include-value --query value --output text --api-key "$(aws cloudformation describe-stacks --stack-name shop-nanoservices-prod --query "Stacks[0].Outputs[?OutputKey=='ApiKeyPartners'].OutputValue" --output text)"   # the partners plan's API key`);
    const yml = sls({ apiKeys: { routes: ['postOrders'], plans } });
    expect(yml.functions['postOrders'].events).toEqual([{ http: { method: 'post', path: '/orders', private: true } }]);
    expect(yml.functions['getHealth'].events[0]).toEqual({ http: { method: 'get', path: '/health' } });
    expect(yml.provider.apiGateway).toEqual({
      apiKeys: [{ partners: ['${self:service}-${sls:stage}-partners'] }, { free: ['${self:service}-${sls:stage}-free'] }],
      usagePlan: [{ partners: { quota: { limit: 10_000, period: 'DAY' }, throttle: { rateLimit: 50, burstLimit: 100 } } }, { free: { quota: { limit: 100, period: 'DAY' } } }],
    });
  });

  it('a REST API sends the methods a resource lacks to the catch-all unit, so carve answers 405 and OPTIONS there', () => {
    const template = sam({ api: 'rest' });
    const paths = Object.values(eventsOf(template, 'CarveFallbackFunction')).map((e) => [e.Properties['Path'], e.Properties['Method']]);
    expect(paths).toEqual([['/', 'any'], ['/{proxy+}', 'any'], ['/health', 'any'], ['/courses', 'any'], ['/courses/{code}', 'any'], ['/orders', 'any']]);
    expect(sls({ api: 'rest' }).functions['carve-fallback'].events.map((e: { http: { path: string } }) => e.http.path)).toEqual(['/', '/{proxy+}', '/health', '/courses', '/courses/{code}', '/orders']);
    // An HTTP API's $default route gets what no route matches already.
    expect(eventsOf(sam({}), 'CarveFallbackFunction')).toEqual({ Default: { Type: 'HttpApi', Properties: { ApiId: { Ref: 'CarveApi' } } } });
  });

  it('API keys on every route of a monolith: the catch-all routes need one too', () => {
    const template = sam({ apiKeys: { routes: 'all', plans } }, { monolith: true });
    const events = eventsOf(template, 'ShopFunction');
    expect(events['Root']!.Properties).toEqual({ RestApiId: { Ref: 'CarveApi' }, Path: '/', Method: 'any', Auth: { ApiKeyRequired: true } });
    expect(events['Default']!.Properties).toMatchObject({ Path: '/{proxy+}', Auth: { ApiKeyRequired: true } });
  });

  it('response caching: the cache cluster, a TTL per GET route, keyed on its path parameters and the query keys its schema names', () => {
    const template = sam({ cache: { getCoursesByCode: 300, getCourses: 60 } });
    expect(api(template).Properties).toMatchObject({
      CacheClusterEnabled: true, CacheClusterSize: '0.5',
      MethodSettings: [
        { ResourcePath: '/~1courses', HttpMethod: 'GET', CachingEnabled: true, CacheTtlInSeconds: 60 },
        { ResourcePath: '/~1courses~1{code}', HttpMethod: 'GET', CachingEnabled: true, CacheTtlInSeconds: 300 },
      ],
    });
    expect(eventsOf(template, 'GetCoursesByCodeFunction')['Get0']!.Properties['RequestParameters']).toEqual([{ 'method.request.path.code': { Required: true, Caching: true } }]);
    expect(eventsOf(template, 'GetCoursesFunction')['Get0']!.Properties['RequestParameters'])
      .toEqual([{ 'method.request.querystring.year': { Required: false, Caching: true } }, { 'method.request.querystring.q': { Required: false, Caching: true } }]);
    // HEAD is answered, not cached.
    expect(eventsOf(template, 'GetCoursesFunction')['Head1']!.Properties).not.toHaveProperty('RequestParameters');
    // A monolith keeps its catch-all, and gets the cached routes the gateway must know (and ANY on their paths).
    const monolith = eventsOf(sam({ cache: { getCourses: 60 } }, { monolith: true }), 'ShopFunction');
    expect(Object.keys(monolith)).toEqual(['Root', 'Default', 'Any0', 'Get0']);
  });

  it('an IP allow-list: a resource policy', () => {
    expect(api(sam({ allowIps: ['203.0.113.0/24'] })).Properties['Auth']).toEqual({ ResourcePolicy: { IpRangeWhitelist: ['203.0.113.0/24'] } });
    expect(sls({ allowIps: ['203.0.113.0/24'] }).provider.apiGateway.resourcePolicy).toEqual([
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'], Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } },
    ]);
  });

  it('tracing: the functions, and a REST API', () => {
    expect(sam({ tracing: true }).Globals.Function.Tracing).toBe('Active');
    expect(api(sam({ tracing: true })).Properties).not.toHaveProperty('TracingEnabled');
    expect(api(sam({ tracing: true, api: 'rest' })).Properties['TracingEnabled']).toBe(true);
    expect(sam({}).Globals.Function).not.toHaveProperty('Tracing');
    expect(sls({ tracing: true, api: 'rest' }).provider.tracing).toEqual({ lambda: true, apiGateway: true });
    expect(sls({ tracing: true }).provider.tracing).toEqual({ lambda: true });
  });

  it('access logs: a log group kept as long as asked, a JSON line per request, and the functions\' logs kept as long', () => {
    const template = sam({ logs: { retentionDays: 30 } });
    expect(template.Resources.CarveApiAccessLogs).toEqual({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    const settings = api(template).Properties['AccessLogSettings'] as { DestinationArn: unknown; Format: string };
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': ['CarveApiAccessLogs', 'Arn'] });
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId', route: '$context.routeKey', status: '$context.status' });
    expect(JSON.parse((api(sam({ logs: { retentionDays: 30 }, api: 'rest' })).Properties['AccessLogSetting'] as { Format: string }).Format)).toMatchObject({ route: '$context.resourcePath', apiKeyId: '$context.identity.apiKeyId' });
    expect(template.Resources).not.toHaveProperty('CarveApiGatewayAccount');
    expect(sam({ logs: { retentionDays: 30 }, api: 'rest' }).Resources.CarveApiGatewayAccount.Properties).toEqual({ CloudWatchRoleArn: { 'Fn::GetAtt': ['CarveApiGatewayLogsRole', 'Arn'] } });
    expect(template.Resources.GetHealthFunctionLogs.Properties).toEqual({ LogGroupName: { 'Fn::Sub': '/aws/lambda/${GetHealthFunction}' }, RetentionInDays: 30 });
    expect(sls({ logs: { retentionDays: 30 } }).provider).toMatchObject({ logs: { httpApi: true }, logRetentionInDays: 30 });
    expect(() => AwsSettings.parse({ gateway: { logs: { retentionDays: 10 } } })).toThrow();
  });

  it('stages: --stage names the API stage (HTTP API $default, REST dev, without one), with its variables', () => {
    expect(api(sam({})).Properties['StageName']).toBe('$default');
    expect(sam({}).Outputs.ApiUrl.Value).toEqual({ 'Fn::Sub': 'https://${CarveApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}' });
    expect(api(sam({ stageVariables: { CATALOG: 'v2' } }, { stage: 'prod' })).Properties).toMatchObject({ StageName: 'prod', StageVariables: { CATALOG: 'v2' } });
    expect(sam({}, { stage: 'prod' }).Outputs.ApiUrl.Value).toEqual({ 'Fn::Sub': 'https://${CarveApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod' });
    expect(api(sam({ api: 'rest', stageVariables: { CATALOG: 'v2' } })).Properties).toMatchObject({ StageName: 'dev', Variables: { CATALOG: 'v2' } });
    expect(sls({}, { stage: 'prod' }).provider.stage).toBe('prod');
    expect(sls({ api: 'rest' }).provider.stage).toBe('dev');
    expect(sls({}).provider).not.toHaveProperty('stage');
    // The functions strip an HTTP API's /{stage} (never $default: nothing to strip).
    expect(entryOptions(AwsSettings.parse({}), shop)).toEqual({ stripStage: true, trustAuthorizer: true });
  });

  it('a custom domain and its base path, which the functions strip', () => {
    const domain = { name: 'api.shop.example', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123', basePath: 'v1' };
    expect(api(sam({ domain })).Properties['Domain']).toEqual({ DomainName: 'api.shop.example', CertificateArn: domain.certificateArn, EndpointConfiguration: 'REGIONAL', BasePath: ['v1'] });
    expect(entryOptions(AwsSettings.parse({ gateway: { domain } }), shop)).toEqual({ stripStage: true, trustAuthorizer: true, basePath: '/v1' });
    expect(() => AwsSettings.parse({ gateway: { domain: { ...domain, certificateArn: 'not-an-arn' } } })).toThrow(/an ACM certificate ARN/);
  });

  it("CORS at an HTTP API, from the app's cors(): preflights never reach a function", () => {
    expect(api(sam({})).Properties['CorsConfiguration']).toEqual({
      AllowOrigins: ['https://shop.example'], AllowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], AllowHeaders: ['authorization', 'content-type'],
      ExposeHeaders: ['x-request-id'], AllowCredentials: true, MaxAge: 600,
    });
    expect(sls({}).provider.httpApi.cors).toEqual({
      allowedOrigins: ['https://shop.example'], allowedMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], allowedHeaders: ['authorization', 'content-type'],
      exposedResponseHeaders: ['x-request-id'], allowCredentials: true, maxAge: 600,
    });
    // A REST API leaves CORS to carve (its catch-all answers every path's OPTIONS).
    expect(api(sam({ api: 'rest' })).Properties).not.toHaveProperty('Cors');
    // Where the gateway could not grant exactly what carve does, carve answers CORS itself.
    const reflecting = createApp({ name: 'r', handlers: [], middleware: [cors({ origins: ['https://a.example'], credentials: true })] });
    expect(parse(samTemplate({ ...context({}), app: reflecting })).Resources.CarveApi.Properties).not.toHaveProperty('CorsConfiguration');
  });

  it('a REST API has no JWT authorizer: no route gets one, and the functions trust no authorizer context (carve checks the tokens)', () => {
    expect(entryOptions(AwsSettings.parse({ gateway: { api: 'rest' } }), shop).trustAuthorizer).toBe(false);
    expect(entryOptions(AwsSettings.parse({}), createApp({ name: 'open', handlers: [] })).trustAuthorizer).toBe(false);
    const template = sam({ api: 'rest' });
    expect(api(template).Properties).not.toHaveProperty('Auth');
    expect(eventsOf(template, 'PostOrdersFunction')['Post0']!.Properties).not.toHaveProperty('Auth');
    expect(eventsOf(sam({}), 'PostOrdersFunction')['Post0']!.Properties['Auth']).toEqual({ Authorizer: 'CarveJwt' });
  });
});

/** `osls package` on the serverless.yml of these settings, each unit a stand-in function: it must exit 0. */
function packageSettings(dir: string, settings: EmitContext<AwsSettings>): void {
  const ctx = { ...settings, outDir: dir };
  for (const u of ctx.units) {
    mkdirSync(join(dir, u.name), { recursive: true });
    writeFileSync(join(dir, u.name, 'index.js'), 'export const handler = async () => ({ statusCode: 200 });\n');
  }
  writeFileSync(join(dir, 'serverless.yml'), serverlessYml(ctx));
  const run = oslsPackage(dir);
  expect(run.status, run.output).toBe(0);
}

// The shop with its tokens from a Cognito user pool: on a REST API, the pool's authorizer guards its guarded routes.
const COGNITO_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';
const cognitoShop = createApp({
  name: 'shop', handlers: shop.handlers,
  auth: jwtAuth({ jwksUrl: `${COGNITO_ISSUER}/.well-known/jwks.json`, issuer: COGNITO_ISSUER, audience: 'shop-client', rolesClaim: 'cognito:groups' }),
});
const cognito = (gateway: Record<string, unknown>, options?: Parameters<typeof context>[1]) => ({ ...context(gateway, options), app: cognitoShop });

describe('a REST API with tokens from a Cognito user pool', () => {
  it('puts the pool\'s authorizer on the guarded routes only, in the pool\'s region and the stack\'s account', () => {
    const template = parse(samTemplate(cognito({ api: 'rest', allowIps: ['203.0.113.0/24'] })));
    expect(api(template).Properties['Auth']).toEqual({
      ResourcePolicy: { IpRangeWhitelist: ['203.0.113.0/24'] },
      Authorizers: { CarveCognito: { UserPoolArn: { 'Fn::Sub': 'arn:${AWS::Partition}:cognito-idp:eu-west-1:${AWS::AccountId}:userpool/eu-west-1_AbC123xyz' }, Identity: { Header: 'Authorization' } } },
    });
    expect(eventsOf(template, 'PostOrdersFunction')['Post0']!.Properties['Auth']).toEqual({ Authorizer: 'CarveCognito' });
    expect(eventsOf(template, 'GetHealthFunction')['Get0']!.Properties).not.toHaveProperty('Auth');
    // With an API key on the same route, both.
    const keyed = parse(samTemplate(cognito({ apiKeys: { routes: ['postOrders'], plans: { free: {} } } })));
    expect(eventsOf(keyed, 'PostOrdersFunction')['Post0']!.Properties['Auth']).toEqual({ ApiKeyRequired: true, Authorizer: 'CarveCognito' });
    const yml = parse(serverlessYml(cognito({ api: 'rest' })));
    expect(yml.functions.postOrders.events[0].http.authorizer).toEqual({ name: 'CarveCognito', type: 'COGNITO_USER_POOLS', arn: { 'Fn::Sub': expect.stringContaining(':userpool/eu-west-1_AbC123xyz') } });
    expect(yml.functions.getHealth.events[0].http).not.toHaveProperty('authorizer');
  });

  it('keeps checking every token in the function (the authorizer does not check the audience), and says so', () => {
    expect(entryOptions(AwsSettings.parse({ gateway: { api: 'rest' } }), cognitoShop).trustAuthorizer).toBe(false);
    const notes = awsTarget.limits!({ ...cognito({ api: 'rest' }), settings: AwsSettings.parse({ gateway: { api: 'rest' } }) } as never);
    expect(notes).toContainEqual(expect.stringMatching(/Cognito authorizer stops bad tokens at the gateway.*carve checks each token again/));
    // An issuer that is no user pool: no authorizer on a REST API.
    expect(api(sam({ api: 'rest' })).Properties).not.toHaveProperty('Auth');
    // The monolith sits on the catch-all, where the gateway cannot single out its guarded routes: said, and left to carve.
    const monolith = cognito({ api: 'rest' }, { monolith: true });
    expect(awsTarget.limits!({ ...monolith, settings: AwsSettings.parse({ gateway: { api: 'rest' } }) } as never))
      .toContainEqual(expect.stringMatching(/^shop is the REST API's catch-all \(\{proxy\+\}\): the gateway cannot tell/));
    expect(eventsOf(parse(samTemplate(monolith)), 'ShopFunction')['Default']!.Properties).not.toHaveProperty('Auth');
  });

  const { python, version } = pythonCfnLint();
  it.skipIf(!python)(`passes the Python cfn-lint (${version || 'cfn-lint not installed: skipped'}) and osls package`, () => {
    const file = join(outside, 'cognito.yaml');
    writeFileSync(file, samTemplate(cognito({ api: 'rest' }, { stage: 'prod' })));
    expect(cfnLint(python!, file)).toEqual({ status: 0, findings: '' });
    packageSettings(join(outside, 'osls-cognito'), cognito({ api: 'rest' }));
  }, 180_000);
});

describe('every gateway feature at once, checked by the real tools', () => {
  const { python, version } = pythonCfnLint();
  it.skipIf(!python)(`template.yaml passes the Python cfn-lint with no finding, REST API and HTTP API (${version || 'cfn-lint not installed: skipped'})`, () => {
    const rest = join(outside, 'rest.yaml');
    writeFileSync(rest, samTemplate(context(everything, { stage: 'prod' })));
    expect(cfnLint(python!, rest)).toEqual({ status: 0, findings: '' });
    const http = join(outside, 'http.yaml');
    const { apiKeys: _keys, cache: _cache, allowIps: _ips, ...httpFeatures } = everything;
    writeFileSync(http, samTemplate(context(httpFeatures, { stage: 'prod', monolith: true })));
    expect(cfnLint(python!, http)).toEqual({ status: 0, findings: '' });
  }, 60_000);

  it('serverless.yml with a REST API, its keys, plans and allow-list, is accepted by `osls package`', () => {
    const dir = join(outside, 'osls-rest');
    const ctx = context(everything, { stage: 'prod' });
    packageSettings(dir, ctx);
    // A zip per unit, and the framework's own custom resource that gives API Gateway its CloudWatch role for access logs.
    expect(readdirSync(join(dir, '.serverless')).filter((f) => f.endsWith('.zip')).sort()).toEqual([...ctx.units.map((u) => `${u.name}.zip`), 'custom-resources.zip'].sort());
    // osls takes a few seconds alone and far more on a busy 2-core machine: never bound it by the idle time.
  }, 180_000);
});
