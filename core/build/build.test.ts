import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildApp, type Manifest } from './build.js';
import { resolveTarget } from '../cli/targets.js';
import { carveCli } from '../../test/support/cli.js';
import { cfnLint, pythonCfnLint } from '../../test/support/cfn-lint.js';
import { armCheck, azureModels } from '../../test/support/arm-check.js';
import { oslsPackage } from '../../test/support/osls.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.carve'), { recursive: true });
const out = mkdtempSync(join(root, '.carve', 'build-test-'));
const gradebook = join(root, 'examples/gradebook/app.ts');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('carve build, aws', () => {
  let monolith: Manifest;
  let nano: Manifest;
  beforeAll(async () => {
    monolith = await buildApp({ app: gradebook, shape: 'monolith', target: await resolveTarget('aws'), out });
    nano = await buildApp({ app: gradebook, shape: 'nanoservices', target: await resolveTarget('aws'), out, coldStart: false });
  }, 120_000);

  it('writes carve-manifest.json exactly as DESIGN.md specifies', () => {
    const written = JSON.parse(readFileSync(join(out, 'aws/monolith/carve-manifest.json'), 'utf8')) as Manifest;
    expect(written).toEqual(monolith);
    expect(written).toMatchObject({ shape: 'monolith', target: 'aws' });
    for (const unit of written.units) {
      expect(Object.keys(unit)).toEqual(expect.arrayContaining(['name', 'routes', 'entry', 'bundleBytes', 'coldStartMs']));
      expect(unit.coldStartMs).toBeGreaterThan(0);
      expect(existsSync(join(out, 'aws/monolith', unit.entry))).toBe(true);
    }
    expect(written.units[0]!.routes).toHaveLength(21);
    // What loading each large package, and the external better-sqlite3, costs the unit, measured.
    expect(Object.keys(written.units[0]!.dependencyMs!).sort()).toEqual(['aws4fetch', 'better-sqlite3', 'jose', 'tsyringe', 'zod']);
    for (const ms of Object.values(written.units[0]!.dependencyMs!)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('gives each nanoservice a bundle smaller than the monolith, with only its own handler code', () => {
    const whole = monolith.units[0]!;
    const units = nano.units.filter((u) => u.name !== 'carve-fallback');
    expect(units).toHaveLength(21);
    for (const unit of units) {
      expect(unit.bundleBytes, unit.name).toBeLessThan(whole.bundleBytes);
      expect(unit.modules, unit.name).toBeLessThan(whole.modules);
    }
    expect(nano.units.find((u) => u.name === 'get-health')!.externals).toEqual({});
    // What each unit is made of, by package, largest first; carve's own and the app's code named apart. The gradebook's
    // schemas are zod/mini, marked pure: a unit carries only its own schemas and the zod they use.
    const health = nano.units.find((u) => u.name === 'get-health')!;
    expect(Object.keys(health.weights)[0]).toBe('carve');
    expect(Object.keys(health.weights)).toEqual(expect.arrayContaining(['zod', 'tsyringe', 'app']));
    // Its one route is public: it goes without the JWT verifier and jose; a unit with a guarded route keeps them.
    expect(Object.keys(health.weights)).not.toContain('jose');
    expect(Object.keys(nano.units.find((u) => u.name === 'get-me')!.weights)).toContain('jose');
    expect(Object.values(health.weights).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(health.bundleBytes);
    expect(health.weights['zod']!).toBeLessThan(32 * 1024);
    expect(health.bundleBytes).toBeLessThan(100 * 1024);
    expect(nano.units.find((u) => u.name === 'post-grades')!.externals).toEqual({ 'better-sqlite3': expect.any(String) });
    expect(nano.warnings).toEqual([]);
  });

  it('a built unit is an async two-argument Lambda handler that serves its route and only its route', async () => {
    const unit = nano.units.find((u) => u.name === 'get-health')!;
    const { handler } = (await import(join(out, 'aws/nanoservices', unit.entry))) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    expect(handler.length).toBe(2);
    const event = (method: string, path: string) => ({ version: '2.0', rawPath: path, rawQueryString: '', headers: {}, requestContext: { requestId: 'b', stage: '$default', domainName: 'x', http: { method, path, sourceIp: '1.2.3.4' } } });
    expect(JSON.parse((await handler(event('GET', '/health'), {})).body)).toEqual({ status: 'ok' });
    expect((await handler(event('GET', '/courses'), {})).statusCode).toBe(404);
  });

  it('the fallback unit answers for the whole app: 404, 405 with Allow, OPTIONS as the monolith, never a 500', async () => {
    const unit = nano.units.find((u) => u.name === 'carve-fallback')!;
    const { handler } = (await import(join(out, 'aws/nanoservices', unit.entry))) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }> };
    const event = (method: string, path: string) => ({ version: '2.0', rawPath: path, rawQueryString: '', headers: {}, requestContext: { requestId: 'f', stage: '$default', domainName: 'x', http: { method, path, sourceIp: '1.2.3.4' } } });
    const answer = async (method: string, path: string) => {
      const result = await handler(event(method, path), {});
      return [result.statusCode, result.headers['allow']];
    };
    // A route of another unit the platform sent here (an encoded slash, say): not found here.
    expect(await answer('GET', '/courses')).toEqual([404, undefined]);
    expect(await answer('DELETE', '/courses')).toEqual([405, 'GET, HEAD, POST']);
    expect(await answer('OPTIONS', '/courses')).toEqual([204, 'GET, HEAD, POST, OPTIONS']);
    expect(await answer('GET', '/nowhere')).toEqual([404, undefined]);
    // The whole app's OpenAPI document, which no unit's route owns: the one the build made from the real handlers
    // (this unit's bundle has them as stubs), also written beside the manifest.
    const doc = await handler(event('GET', '/openapi.json'), {});
    expect(doc.statusCode).toBe(200);
    const served = JSON.parse(doc.body) as { paths: Record<string, Record<string, { summary?: string }>>; components: { schemas: object } };
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/courses', '/grades', '/health']));
    expect(Object.keys(served.components.schemas)).toEqual(expect.arrayContaining(['Grade', 'Problem']));
    expect(served).toEqual(JSON.parse(readFileSync(join(out, 'aws/nanoservices/openapi.json'), 'utf8')));
  });

  it("carries the OpenAPI document only in the unit that serves it, and the generator in none", () => {
    const dir = join(out, 'aws/nanoservices');
    expect(existsSync(join(dir, 'carve-fallback/openapi.json'))).toBe(true);
    for (const unit of nano.units.filter((u) => u.name !== 'carve-fallback')) {
      expect(existsSync(join(dir, unit.name, 'openapi.json')), unit.name).toBe(false);
      // buildOpenApi writes `openapi: '3.1.0'`; a unit that serves no document has no reason to carry it.
      expect(readFileSync(join(dir, unit.entry), 'utf8'), unit.name).not.toContain('3.1.0');
    }
  });

  it('template.yaml passes the current CloudFormation linter, the Python cfn-lint, with no error or warning', async () => {
    const { python, version } = pythonCfnLint();
    for (const shape of ['monolith', 'nanoservices']) {
      const template = join(out, `aws/${shape}/template.yaml`);
      if (python) {
        const { status, findings } = cfnLint(python, template);
        expect([status, findings], `${shape} (${version})`).toEqual([0, '']);
        continue;
      }
      console.warn(`cfn-lint (Python) is not installed here: ${shape}/template.yaml is checked by the npm cfn-lint only, which predates current runtimes`);
      const { validateFile } = (await import('cfn-lint')) as unknown as { validateFile: (file: string, options: object) => { errors: { crit: { message: string }[]; warn: { message: string }[] } } };
      const { errors } = validateFile(template, { guessParameters: [] });
      expect([...errors.crit, ...errors.warn], shape).toEqual([]);
    }
  }, 120_000);

  it("gives the gradebook's secret and queue to the one unit that posts grades, in its environment and its policy, and to no other", () => {
    // examples/gradebook/carve.config.ts: GRADEBOOK_NOTICE_KEY in SSM, the grade-notices queue an SQS queue; only
    // postGrades reaches them (notices/notices.ts), through GradeNotices and NoticeQueue.
    const sam = parse(readFileSync(join(out, 'aws/nanoservices/template.yaml'), 'utf8')) as { Resources: Record<string, { Type: string; Properties: { Environment?: { Variables: Record<string, string> }; Policies?: unknown } }> };
    const functions = Object.entries(sam.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
    expect(functions).toHaveLength(nano.units.length);
    const withSecret = functions.filter(([, r]) => r.Properties.Environment?.Variables['GRADEBOOK_NOTICE_KEY'] !== undefined);
    const withPolicy = functions.filter(([, r]) => r.Properties.Policies !== undefined);
    expect(withSecret.map(([id]) => id)).toEqual(['PostGradesFunction']);
    expect(withSecret[0]![1].Properties.Environment!.Variables['GRADEBOOK_NOTICE_KEY']).toBe('{{resolve:ssm:/gradebook/notice-key}}');
    expect(withPolicy.map(([id]) => id)).toEqual(['PostGradesFunction']);
    const [statement, ...others] = (withPolicy[0]![1].Properties.Policies as [{ Statement: { Action: string[]; Resource: { 'Fn::Join': [string, unknown[]] } }[] }])[0].Statement;
    expect(others).toEqual([]);
    expect(statement!.Action).toEqual(['sqs:SendMessage', 'sqs:GetQueueAttributes']);
    expect(statement!.Resource['Fn::Join'][1].at(-1)).toBe(':gradebook-notices');
  });

  it('ships a source map with every unit and runs it with --enable-source-maps: a stack trace names the source', () => {
    const dir = join(out, 'aws/nanoservices');
    for (const unit of nano.units) {
      expect(readFileSync(join(dir, unit.entry), 'utf8'), unit.name).toMatch(/\n\/\/# sourceMappingURL=index\.js\.map\n?$/);
      expect(JSON.parse(readFileSync(join(dir, `${unit.entry}.map`), 'utf8')).mappings.length, unit.name).toBeGreaterThan(0);
    }
    const sam = parse(readFileSync(join(dir, 'template.yaml'), 'utf8'));
    expect(sam.Globals.Function.Environment).toEqual({ Variables: { NODE_OPTIONS: '--enable-source-maps' } });
    expect(parse(readFileSync(join(dir, 'serverless.yml'), 'utf8')).provider.environment).toEqual({ NODE_OPTIONS: '--enable-source-maps' });
    const script = `const { handler } = await import(${JSON.stringify(join(dir, 'get-health/index.js'))}); await handler(42, {}).catch((e) => console.log(e.stack));`;
    const run = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stdout.split('\n').slice(0, 2).join('\n')).toMatch(/UnsupportedEventError[\s\S]*\/adapters\/aws\/detect\.ts:\d+:\d+/);
  });

  it('says how to deploy what it built, and lists serverless-offline where the project has it', () => {
    expect(nano.deploy).toEqual([
      expect.stringMatching(/^sam deploy --template-file \S+\/aws\/nanoservices\/template\.yaml --stack-name gradebook-nanoservices --resolve-s3 --capabilities CAPABILITY_IAM$/),
      expect.stringMatching(/^\(cd \S+\/aws\/nanoservices && npx osls deploy --stage dev\)$/),
      expect.stringMatching(/^\(cd \S+\/aws\/nanoservices && npx osls offline\)/),
    ]);
    expect(parse(readFileSync(join(out, 'aws/nanoservices/serverless.yml'), 'utf8')).plugins).toEqual(['serverless-offline']);
  });

  it('serverless.yml is accepted by `osls package`, offline', () => {
    const run = oslsPackage(join(out, 'aws/nanoservices'));
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/Service packaged/);
    expect(readdirSync(join(out, 'aws/nanoservices/.serverless')).filter((f) => f.endsWith('.zip'))).toHaveLength(22);
    // osls takes a few seconds alone and far more on a busy 2-core machine: never bound it by the idle time.
  }, 180_000);

  it('emits a SAM template and a serverless.yml that route every method and path to its unit', () => {
    const sam = parse(readFileSync(join(out, 'aws/nanoservices/template.yaml'), 'utf8'));
    expect(sam).toMatchObject({ AWSTemplateFormatVersion: '2010-09-09', Transform: 'AWS::Serverless-2016-10-31', Globals: { Function: { Runtime: 'nodejs22.x', Handler: 'index.handler' } } });
    expect(sam.Outputs.ApiUrl.Value['Fn::Sub']).toBe('https://${CarveApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}');
    expect(sam.Resources.CarveApi).toEqual({ Type: 'AWS::Serverless::HttpApi', Properties: { StageName: '$default' } });
    const functions = Object.entries(sam.Resources as Record<string, { Type: string; Properties: { CodeUri: string; Events: Record<string, { Properties?: { Path?: string; Method?: string } }> } }>)
      .filter(([, r]) => r.Type === 'AWS::Serverless::Function');
    expect(functions).toHaveLength(22);
    const routes = functions.flatMap(([, f]) => Object.values(f.Properties.Events).map((e) => `${e.Properties?.Method ?? '*'} ${e.Properties?.Path ?? '$default'}`));
    expect(routes).toEqual(expect.arrayContaining(['POST /grades', 'GET /students/{studentId}/grades', 'HEAD /students/{studentId}/grades']));
    expect(functions.find(([name]) => name === 'CarveFallbackFunction')![1].Properties.Events).toEqual({ Default: { Type: 'HttpApi', Properties: { ApiId: { Ref: 'CarveApi' } } } });
    const sls = parse(readFileSync(join(out, 'aws/nanoservices/serverless.yml'), 'utf8'));
    expect(sls).toMatchObject({ frameworkVersion: '>=3', provider: { name: 'aws', runtime: 'nodejs22.x' } });
    // The one unit that reaches the gradebook's secret and queue gets them: its environment, its own role.
    expect(sls.functions['post-grades']).toEqual({
      handler: 'post-grades/index.handler', package: { patterns: ['!**', 'post-grades/**'] }, events: [{ httpApi: { method: 'POST', path: '/grades' } }],
      environment: { GRADEBOOK_NOTICE_KEY: '{{resolve:ssm:/gradebook/notice-key}}' }, role: 'PostGradesRole',
    });
    expect(Object.keys(sls.resources.Resources).filter((id) => id.endsWith('Role'))).toEqual(['PostGradesRole']);
    expect(sls.functions['carve-fallback'].events).toEqual([{ httpApi: '*' }]);
  });
});

describe("carve build: the gradebook's secret and queue on Azure", () => {
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = await buildApp({ app: gradebook, shape: 'microservices', target: await resolveTarget('azure'), out, coldStart: false });
  }, 120_000);

  it('puts the Key Vault reference in the settings of the one function app that posts grades, and gives only its identity roles', () => {
    const dir = join(out, 'azure/microservices');
    const keyed = manifest.units.filter((u) => (JSON.parse(readFileSync(join(dir, u.name, 'appsettings.json'), 'utf8')) as { name: string; value: string }[])
      .some((s) => s.name === 'GRADEBOOK_NOTICE_KEY' && s.value === '@Microsoft.KeyVault(SecretUri=https://gradebook.vault.azure.net/secrets/notice-key)'));
    expect(keyed.map((u) => u.name)).toEqual(['grades']);
    const roles = join(dir, 'roles.json');
    const template = JSON.parse(readFileSync(roles, 'utf8')) as { resources: { scope: string; properties: { description: string } }[] };
    expect(template.resources.map((r) => `${r.properties.description} on ${r.scope}`)).toEqual([
      'Azure Service Bus Data Sender for grades on Microsoft.ServiceBus/namespaces/gradebook-notices',
      'Key Vault Secrets User for grades on Microsoft.KeyVault/vaults/gradebook',
    ]);
    const { python: models } = azureModels();
    if (models) expect(armCheck(models, roles)).toEqual({ status: 0, findings: '' });
  });
});

describe('carve build: schemas with no JSON Schema converter (plain valibot)', () => {
  it('builds the units all the same, without an OpenAPI document, and says why', async () => {
    const dir = mkdtempSync(join(root, '.carve', 'valibot-'));
    try {
      writeFileSync(join(dir, 'app.ts'), "import { createApp, handler } from 'carve';\nimport * as v from 'valibot';\n"
        + "export default createApp({ name: 'items', handlers: [handler({ method: 'GET', path: '/items/{id}', auth: 'public', params: v.object({ id: v.string() }) }, ({ params }) => ({ id: params.id }))] });\n");
      const manifest = await buildApp({ app: join(dir, 'app.ts'), shape: 'monolith', target: await resolveTarget('aws'), out: join(dir, 'out'), coldStart: false });
      expect(manifest.warnings).toContainEqual(expect.stringMatching(/^no openapi\.json \(no unit serves one\): GET \/items\/\{id\} \(getItemsById\): its valibot schema has no JSON Schema converter/));
      expect(existsSync(join(dir, 'out/aws/monolith/items/index.js'))).toBe(true);
      expect(existsSync(join(dir, 'out/aws/monolith/openapi.json'))).toBe(false);
      // It carries no zod, so the report says nothing of zod's locales.
      expect(manifest).not.toHaveProperty('zodLocales');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('carve build: the gradebook with a JWKS issuer, behind an HTTP API', () => {
  let manifest: Manifest;
  const jwks = { GRADEBOOK_JWKS_URL: 'https://login.school.example/.well-known/jwks.json', GRADEBOOK_ISSUER: 'https://login.school.example/' };
  beforeAll(async () => {
    // The app reads its auth settings when it loads, as a deployment's build would have them in its environment.
    Object.assign(process.env, jwks);
    try {
      manifest = await buildApp({ app: join(root, 'examples/gradebook/app.ts'), shape: 'microservices', target: await resolveTarget('aws'), out: join(out, 'jwks'), stage: 'prod', coldStart: false });
    } finally {
      for (const name of Object.keys(jwks)) delete process.env[name];
    }
  }, 120_000);

  it('puts the JWT authorizer in front of exactly the guarded routes, on the prod stage, and template.yaml passes cfn-lint', () => {
    const dir = join(out, 'jwks/aws/microservices');
    const sam = parse(readFileSync(join(dir, 'template.yaml'), 'utf8'));
    expect(sam.Resources.CarveApi.Properties).toMatchObject({ StageName: 'prod', Auth: { Authorizers: { CarveJwt: { JwtConfiguration: { issuer: jwks.GRADEBOOK_ISSUER, audience: ['gradebook-api'] } } } } });
    const guarded = (fn: string) => Object.values(sam.Resources[fn].Properties.Events as Record<string, { Properties: { Method: string; Path: string; Auth?: unknown } }>)
      .map((e) => `${e.Properties.Method} ${e.Properties.Path}${e.Properties.Auth ? ' (jwt)' : ''}`);
    expect(guarded('HealthFunction')).toEqual(['GET /health', 'HEAD /health']);
    expect(guarded('GradesFunction')).toContain('POST /grades (jwt)');
    expect(manifest.deploy?.[0]).toMatch(/--stack-name gradebook-microservices-prod /);
    const { python } = pythonCfnLint();
    if (python) expect(cfnLint(python, join(dir, 'template.yaml'))).toEqual({ status: 0, findings: '' });
  });
});

describe('carve build: environment and secrets from carve.config.ts', () => {
  const app = join(root, 'core/build/__fixtures__/secrets/app.ts');
  let aws: Manifest;
  beforeAll(async () => {
    aws = await buildApp({ app, shape: 'nanoservices', target: await resolveTarget('aws'), out, coldStart: false });
    await buildApp({ app, shape: 'nanoservices', target: await resolveTarget('azure'), out, coldStart: false });
  }, 120_000);

  it("gives each Lambda function the app's env, its own, and only the secrets its handlers reach, as CloudFormation references", () => {
    const sam = parse(readFileSync(join(out, 'aws/nanoservices/template.yaml'), 'utf8'));
    const variables = (fn: string) => sam.Resources[fn].Properties.Environment?.Variables;
    expect(variables('PostPaymentsFunction')).toEqual({ SHOP_REGION: 'eu', PAYMENTS_KEY: '{{resolve:ssm:/shop/payments-key}}' });
    expect(variables('GetHealthFunction')).toEqual({ SHOP_REGION: 'eu', HEALTH_DETAIL: 'short' });
    expect(variables('CarveFallbackFunction')).toEqual({ SHOP_REGION: 'eu' });
    const sls = parse(readFileSync(join(out, 'aws/nanoservices/serverless.yml'), 'utf8'));
    expect(sls.functions['post-payments'].environment).toEqual(variables('PostPaymentsFunction'));
    expect(aws.units.map((u) => [u.name, u.secrets])).toEqual([['post-payments', ['PAYMENTS_KEY']], ['get-orders-by-id', undefined], ['get-health', undefined], ['carve-fallback', undefined]]);
    const { python } = pythonCfnLint();
    if (python) expect(cfnLint(python, join(out, 'aws/nanoservices/template.yaml')).findings).toBe('');
  });

  it('gives each Lambda function a role with only the access its handlers reach to the resources they use', () => {
    const sam = parse(readFileSync(join(out, 'aws/nanoservices/template.yaml'), 'utf8'));
    const policies = (fn: string) => sam.Resources[fn].Properties.Policies as { Version: string; Statement: { Action: string[]; Resource: unknown[] }[] }[] | undefined;
    const table = (suffix: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':dynamodb:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:table/shop-orders${suffix}`]] });
    expect(policies('PostPaymentsFunction')).toEqual([{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'], Resource: [table(''), table('/index/*')] }] }]);
    expect(policies('GetOrdersByIdFunction')![0]!.Statement[0]!.Action).toEqual(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem']);
    expect([policies('GetHealthFunction'), policies('CarveFallbackFunction')]).toEqual([undefined, undefined]);
    // The IAM policy Version stays a string for CloudFormation's YAML 1.1 reader.
    expect(readFileSync(join(out, 'aws/nanoservices/template.yaml'), 'utf8')).toContain('Version: "2012-10-17"');
    const sls = parse(readFileSync(join(out, 'aws/nanoservices/serverless.yml'), 'utf8'));
    expect(Object.fromEntries(Object.entries(sls.functions as Record<string, { role?: string }>).map(([name, f]) => [name, f.role]))).toEqual({
      'post-payments': 'PostPaymentsRole', 'get-orders-by-id': 'GetOrdersByIdRole', 'get-health': undefined, 'carve-fallback': undefined,
    });
    expect(sls.resources.Resources.PostPaymentsRole.Properties.Policies[0].PolicyDocument.Statement).toEqual(policies('PostPaymentsFunction')![0]!.Statement);
    expect(aws.units.map((u) => u.resources)).toEqual([{ orders: 'write' }, { orders: 'read' }, undefined, undefined]);
  });

  it('gives each Azure function app its settings, with Key Vault references for Azure and none for func start', () => {
    const settings = (unit: string) => JSON.parse(readFileSync(join(out, `azure/nanoservices/${unit}/appsettings.json`), 'utf8')) as { name: string; value: string }[];
    expect(settings('post-payments')).toEqual([
      { name: 'languageWorkers__node__arguments', value: '--enable-source-maps', slotSetting: false },
      { name: 'SHOP_REGION', value: 'eu', slotSetting: false },
      { name: 'PAYMENTS_KEY', value: '@Microsoft.KeyVault(SecretUri=https://shop.vault.azure.net/secrets/payments-key)', slotSetting: false },
    ]);
    expect(settings('get-health').map((s) => s.name)).toEqual(['languageWorkers__node__arguments', 'SHOP_REGION', 'HEALTH_DETAIL']);
    expect(settings('get-orders-by-id').map((s) => s.name)).toEqual(['languageWorkers__node__arguments', 'SHOP_REGION']);
    const local = JSON.parse(readFileSync(join(out, 'azure/nanoservices/post-payments/local.settings.json'), 'utf8'));
    expect(local.Values).toEqual({ FUNCTIONS_WORKER_RUNTIME: 'node', AzureWebJobsStorage: '', languageWorkers__node__arguments: '--enable-source-maps', SHOP_REGION: 'eu' });
  });

  it("gives each Azure function app's identity the roles its handlers need on the resources they reach, and its vaults' secrets", () => {
    const file = join(out, 'azure/nanoservices/roles.json');
    const template = JSON.parse(readFileSync(file, 'utf8')) as { resources: { scope: string; properties: { description: string } }[] };
    // post-payments writes the orders and reads the payments key from its vault; get-orders-by-id reads the orders.
    expect(template.resources.map((r) => `${r.properties.description} on ${r.scope}`)).toEqual([
      'Storage Blob Data Contributor for post-payments on Microsoft.Storage/storageAccounts/shoporders',
      'Key Vault Secrets User for post-payments on Microsoft.KeyVault/vaults/shop',
      'Storage Blob Data Reader for get-orders-by-id on Microsoft.Storage/storageAccounts/shoporders',
    ]);
    if (models) expect(armCheck(models, file)).toEqual({ status: 0, findings: '' });
  });

  const { python: models, version: modelsVersion } = azureModels();
  it(`joins the function apps behind one API Management API: an operation per route, sent to its unit (${modelsVersion ? `checked against ${modelsVersion}` : 'the Azure SDK models are not installed: not checked against them'})`, () => {
    const file = join(out, 'azure/nanoservices/apim.json');
    const template = JSON.parse(readFileSync(file, 'utf8')) as { resources: { type: string; properties: { method?: string; urlTemplate?: string; value?: string } }[] };
    const operations = template.resources.filter((r) => r.type.endsWith('/operations')).map((r) => `${r.properties.method} ${r.properties.urlTemplate}`);
    for (const u of aws.units) for (const r of u.routes) expect(operations).toContain(`${r.method} ${r.path}`);
    const backends = template.resources.filter((r) => r.type.endsWith('/operations/policies')).map((r) => /backend-id="unit-([^"]+)"/.exec(r.properties.value!)?.[1]);
    expect(new Set(backends)).toEqual(new Set(aws.units.filter((u) => u.routes.length > 0).map((u) => u.name)));
    if (models) expect(armCheck(models, file)).toEqual({ status: 0, findings: '' });
  });
});

describe('carve build, graphql shape', () => {
  it('builds one unit serving /graphql that resolves through the handlers', async () => {
    const manifest = await buildApp({ app: gradebook, shape: 'graphql', target: await resolveTarget('aws'), out });
    expect(manifest.units.map((u) => [u.name, u.routes])).toEqual([['graphql', [{ method: 'GET', path: '/graphql' }, { method: 'POST', path: '/graphql' }]]]);
    const { handler } = (await import(join(out, 'aws/graphql', manifest.units[0]!.entry))) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    const body = JSON.stringify({ query: '{ getHealth { status } getCourses { code } }' });
    const event = { version: '2.0', rawPath: '/graphql', rawQueryString: '', headers: { 'content-type': 'application/json' }, body, requestContext: { requestId: 'g', stage: '$default', domainName: 'x', http: { method: 'POST', path: '/graphql', sourceIp: '1.2.3.4' } } };
    const result = await handler(event, {});
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ data: { getHealth: { status: 'ok' }, getCourses: null }, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  }, 60_000);
});

describe('the graphql shape says what it leaves out', () => {
  it('carve build prints each handler with no GraphQL field, and the manifest lists it', () => {
    const run = carveCli(['build', '--app', 'examples/echo/app.ts', '--shape', 'graphql', '--target', 'aws', '--out', join(out, 'echo'), '--no-cold-start']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('warning: graphql shape: ANY /echo/{path+} (anyEchoByPath) is not in the GraphQL schema: it answers any method');
    expect(run.stdout).toContain('warning: graphql shape: GET /echo-status/{code} (getEchoStatusByCode) is not in the GraphQL schema: declared graphql: false');
    const manifest = JSON.parse(readFileSync(join(out, 'echo/aws/graphql/carve-manifest.json'), 'utf8')) as Manifest;
    expect(manifest.warnings.filter((w) => w.startsWith('graphql shape:'))).toHaveLength(2);
  }, 120_000);

  it("carve dev runs each unit with the config's env, its own, then .env, the shell's own values winning", async () => {
    const { planDev } = await import('./dev.js');
    const dir = mkdtempSync(join(out, 'dotenv-'));
    writeFileSync(join(dir, 'app.ts'), readFileSync(join(root, 'core/build/__fixtures__/secrets/app.ts'), 'utf8'));
    writeFileSync(join(dir, 'carve.config.ts'), `export default { env: { SHOP_REGION: 'eu', FROM_SHELL: 'config' }, units: { 'get-health': { env: { HEALTH_DETAIL: 'short' } } } };\n`);
    writeFileSync(join(dir, '.env'), 'PAYMENTS_KEY=sk_test_1\nSHOP_REGION="us"\n');
    process.env['FROM_SHELL'] = 'shell';
    try {
      // No secrets in the config: carve dev reads them from .env, wherever the targets keep them.
      const planned = await planDev({ app: join(dir, 'app.ts'), shape: 'nanoservices' });
      rmSync(dirname(planned[0]!.appModule), { recursive: true, force: true });
      expect(planned.map((u) => [u.name, u.env])).toEqual([
        ['post-payments', { SHOP_REGION: 'us', PAYMENTS_KEY: 'sk_test_1' }],
        ['get-orders-by-id', { SHOP_REGION: 'us', PAYMENTS_KEY: 'sk_test_1' }],
        ['get-health', { SHOP_REGION: 'us', HEALTH_DETAIL: 'short', PAYMENTS_KEY: 'sk_test_1' }],
      ]);
    } finally {
      delete process.env['FROM_SHELL'];
    }
  });

  it("carve dev gives a split app's legacy unit the config's env too", async () => {
    const { planDev } = await import('./dev.js');
    const dir = mkdtempSync(join(out, 'legacy-env-'));
    writeFileSync(join(dir, 'app.ts'), [
      "import { createApp, handler } from 'carve';",
      "const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => 'pong');",
      "const pong = handler({ method: 'GET', path: '/pong', auth: 'public' }, () => 'ping');",
      'export default createApp({ handlers: [ping, pong], remainder: (_req: unknown, res: { end(): void }) => res.end() });',
    ].join('\n'));
    writeFileSync(join(dir, 'carve.config.ts'), `export default { env: { SHOP_REGION: 'eu' } };\n`);
    const planned = await planDev({ app: join(dir, 'app.ts'), shape: 'nanoservices' });
    rmSync(dirname(planned[0]!.appModule), { recursive: true, force: true });
    expect(planned.map((u) => [u.name, u.env])).toEqual([['get-ping', { SHOP_REGION: 'eu' }], ['get-pong', { SHOP_REGION: 'eu' }], ['legacy', { SHOP_REGION: 'eu' }]]);
  });

  it('carve dev says so too, and that a legacy remainder is not served', async () => {
    const { planDev } = await import('./dev.js');
    const split = join(out, 'split-app.ts');
    writeFileSync(split, [
      "import { createApp, handler } from 'carve';",
      "const ping = handler({ method: 'GET', path: '/ping', auth: 'public' }, () => 'pong');",
      'export default createApp({ handlers: [ping], remainder: (_req: unknown, res: { end(): void }) => res.end() });',
    ].join('\n'));
    const said: string[] = [];
    const planned = await planDev({ app: split, shape: 'graphql', onWarning: (w) => said.push(w) });
    rmSync(dirname(planned[0]!.appModule), { recursive: true, force: true });
    expect(said).toEqual(['the graphql shape serves /graphql only: the legacy remainder (the routes carve split left in the legacy app) is not served']);
    const echo: string[] = [];
    const echoPlan = await planDev({ app: join(root, 'examples/echo/app.ts'), shape: 'graphql', onWarning: (w) => echo.push(w), shapeWarnings: () => ['from the hook'] });
    rmSync(dirname(echoPlan[0]!.appModule), { recursive: true, force: true });
    expect(echo).toEqual(['from the hook']);
  });
});

describe('carve build: bad input is one line, exit code 2, nothing written', () => {
  const carve = (...args: string[]) => carveCli(args);
  const dir = mkdtempSync(join(root, '.carve', 'bad-input-'));
  writeFileSync(join(dir, 'missing-provider.ts'), `import { createApp, handler, token } from 'carve';\nconst Secret = token<string>('Secret');\nexport default createApp({ handlers: [handler({ method: 'GET', path: '/x', auth: 'public', inject: { s: Secret } }, () => 'x')] });\n`);
  writeFileSync(join(dir, 'reserved.ts'), `import { createApp, handler } from 'carve';\nexport default createApp({ handlers: [handler({ method: 'GET', path: '/admin/users', auth: 'public' }, () => 'x')] });\n`);
  writeFileSync(join(dir, 'throws.ts'), `throw new Error('database unreachable at import time');\n`);
  writeFileSync(join(dir, 'syntax.ts'), `import { createApp } from 'carve';\nexport default createApp({ handlers: [ });\n`);
  writeFileSync(join(dir, 'a-file'), 'not a folder\n');
  writeFileSync(join(dir, 'small-memory.config.ts'), `export default { aws: { memoryMb: 64 } };\n`);
  writeFileSync(join(dir, 'flat.config.ts'), `export default { memoryMb: 1024 };\n`);
  writeFileSync(join(dir, 'not-a-target.ts'), `export default { name: 'half', emit: () => ({}) };\n`);
  writeFileSync(join(dir, 'no-secrets.config.ts'), `export default { env: { A: 'b' } };\n`);
  writeFileSync(join(dir, 'secure-string.config.ts'), `export default { secrets: { PAYMENTS_KEY: { aws: { ssmSecure: '/shop/key' } } } };\n`);
  const shopConfig = (more: string) => `export default { secrets: { PAYMENTS_KEY: { aws: { ssm: '/k' } } }, ${more} };\n`;
  writeFileSync(join(dir, 'big-env.config.ts'), shopConfig(`env: { BLOB: 'x'.repeat(5000) }, resources: { orders: { aws: { dynamodbTable: 'orders' } } }`));
  writeFileSync(join(dir, 'no-resources.config.ts'), shopConfig(''));
  writeFileSync(join(dir, 'unused-resource.config.ts'), shopConfig(`resources: { orders: { aws: { dynamodbTable: 'orders' } }, audit: { aws: { s3Bucket: 'shop-audit' } } }`));
  writeFileSync(join(dir, 'bad-resource.config.ts'), shopConfig(`resources: { orders: { aws: { table: 'orders' } } }`));
  const azureShop = (orders: string) => `export default { secrets: { PAYMENTS_KEY: { azure: { vault: 'shop', secret: 'payments' } } }, resources: { orders: ${orders} } };\n`;
  writeFileSync(join(dir, 'aws-only-resource.config.ts'), azureShop(`{ aws: { dynamodbTable: 'orders' } }`));
  writeFileSync(join(dir, 'vault-write.config.ts'), azureShop(`{ azure: { keyVault: 'shop-orders' } }`));
  writeFileSync(join(dir, 'http-keys.config.ts'), `export default { aws: { gateway: { api: 'http', apiKeys: { routes: 'all', plans: { partners: {} } } } } };\n`);
  writeFileSync(join(dir, 'unknown-cached.config.ts'), `export default { aws: { gateway: { cache: { getCourse: 60 } } } };\n`);
  writeFileSync(join(dir, 'guarded-cached.config.ts'), `export default { aws: { gateway: { cache: { getStudentsByStudentIdGrades: 60 } } } };\n`);
  const shop = 'core/build/__fixtures__/secrets/app.ts';
  const buildOut = join(dir, 'out');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cases: [string, string[], RegExp][] = [
    ['an unknown shape', ['--app', 'examples/gradebook/app.ts', '--shape', 'mesh', '--target', 'aws'], /unknown shape "mesh"/],
    ['an unknown target', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'gcp'], /unknown target "gcp"/],
    ['an app module that does not load', ['--app', join(dir, 'throws.ts'), '--shape', 'monolith', '--target', 'aws'], /failed to load: database unreachable/],
    ['an app module with a syntax error: its file, line and reason', ['--app', join(dir, 'syntax.ts'), '--shape', 'monolith', '--target', 'aws'], /failed to load: .*syntax\.ts:2:39: ERROR: Unexpected "\}"/],
    ['a handler whose provider is missing', ['--app', join(dir, 'missing-provider.ts'), '--shape', 'monolith', '--target', 'aws'], /GET \/x \(getX\) needs Secret/],
    ['a route Azure reserves', ['--app', join(dir, 'reserved.ts'), '--shape', 'monolith', '--target', 'azure'], /reserves routes starting with "admin"/],
    ['a setting the target refuses', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'small-memory.config.ts')], /small-memory\.config\.ts: aws\.memoryMb: .*128/],
    ['a setting outside its target', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'flat.config.ts')], /"memoryMb" is not a setting; .* aws: \{ memoryMb: 1024 \}/],
    ['a config file that is not there', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'nope.config.ts')], /--config .*nope\.config\.ts: no such file/],
    ['a target module that exports no descriptor', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', join(dir, 'not-a-target.ts')], /default export is not a target descriptor/],
    ['a secret the code reads that carve.config.ts does not declare', ['--app', shop, '--shape', 'nanoservices', '--target', 'aws', '--config', join(dir, 'no-secrets.config.ts')], /unit post-payments reads secret\('PAYMENTS_KEY'\), which secrets does not declare/],
    ['a secret kept where Lambda cannot read it', ['--app', shop, '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'secure-string.config.ts')], /secrets\.PAYMENTS_KEY\.aws: expected \{ ssm: .* SecureString parameter cannot go in a Lambda environment/],
    ['a resource the code uses that carve.config.ts does not declare', ['--app', shop, '--shape', 'nanoservices', '--target', 'aws', '--config', join(dir, 'no-resources.config.ts')], /unit post-payments uses resource\('orders'\), which resources does not declare/],
    ['a resource used by no unit', ['--app', shop, '--shape', 'nanoservices', '--target', 'aws', '--config', join(dir, 'unused-resource.config.ts')], /resources\.audit is declared, but no provider a handler reaches uses resource\('audit'\)/],
    ['a resource the target does not know', ['--app', shop, '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'bad-resource.config.ts')], /resources\.orders\.aws: expected one of \{ dynamodbTable/],
    ['a resource with nothing said for Azure', ['--app', shop, '--shape', 'nanoservices', '--target', 'azure', '--config', join(dir, 'aws-only-resource.config.ts')], /resources\.orders says nothing for azure/],
    ['a Key Vault a unit would write', ['--app', shop, '--shape', 'nanoservices', '--target', 'azure', '--config', join(dir, 'vault-write.config.ts')], /resources\.orders\.azure: a Key Vault's secrets are read here/],
    ['an environment over Lambda\'s 4 KB', ['--app', shop, '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'big-env.config.ts')], /unit shop: its environment is 50\d\d bytes .* Lambda allows 4096/],
    ['a gateway feature the API type set lacks', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'http-keys.config.ts')], /aws\.gateway\.apiKeys: API keys and usage plans need a REST API, and aws\.gateway\.api is 'http'/],
    ['a gateway setting naming a handler the app does not have', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'unknown-cached.config.ts')], /aws\.gateway\.cache: no handler has the id "getCourse" \(gradebook has /],
    ['a cached route that needs a caller', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--config', join(dir, 'guarded-cached.config.ts')], /aws\.gateway\.cache\.getStudentsByStudentIdGrades: GET \/students\/\{studentId\}\/grades needs a caller/],
    ['a stage name a platform refuses', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--stage', 'pro d'], /--stage pro d: a stage name is letters, digits, - and _/],
    ['a target module that is not there', ['--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', './nope/target.ts'], /--target \.\/nope\/target\.ts: no such file/],
  ];
  it('an --out outside the project, where a unit cannot load the native package it measures with', () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'carve-out-')), 'dist');
    try {
      const run = carve('build', '--app', 'examples/gradebook/app.ts', '--shape', 'monolith', '--target', 'aws', '--out', outside);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('carve:'))).toEqual([
        expect.stringMatching(/needs the package better-sqlite3, which is installed in this project but not found from .*dist\/aws\/monolith\/gradebook, outside it: build into a folder inside the project/),
      ]);
      // Nothing written, not even the folders on the way to the stage.
      expect(existsSync(outside)).toBe(false);
    } finally {
      rmSync(dirname(outside), { recursive: true, force: true });
    }
  }, 120_000);

  it('an --out that is a file, or under one', () => {
    for (const out of [join(dir, 'a-file'), join(dir, 'a-file', 'dist')]) {
      const run = carve('build', '--app', 'examples/echo/app.ts', '--shape', 'monolith', '--target', 'aws', '--out', out, '--no-cold-start');
      expect([run.status, run.stderr.trim()]).toEqual([2, expect.stringMatching(/^carve: --out .*: .*a-file is a file, not a folder$/)]);
    }
  });

  it('carve dev: a port that is not one, or one in use: one line, exit 2, no unit left running', async () => {
    const notAPort = carve('dev', '--app', 'examples/echo/app.ts', '--port', 'notaport');
    expect([notAPort.status, notAPort.stderr.trim()]).toEqual([2, expect.stringMatching(/--port .*'notaport' is invalid\. a port is a whole number from 0 to 65535/)]);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const inUse = carve('dev', '--app', 'examples/echo/app.ts', '--port', String(port));
      expect([inUse.status, inUse.stderr.trim().split('\n').filter((l) => l.startsWith('carve:'))]).toEqual([2, [`carve: port ${port} is in use: pick another with --port`]]);
      // spawnSync returned: the CLI and every unit it started have exited (a unit left behind would hold its pipe open).
    } finally {
      blocker.close();
    }
  }, 60_000);

  for (const [name, args, message] of cases) {
    it(name, () => {
      const run = carve('build', ...args, '--out', buildOut, '--no-cold-start');
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('carve:'))).toEqual([expect.stringMatching(message)]);
      expect(existsSync(buildOut) ? readdirSync(buildOut, { recursive: true }) : []).toEqual([]);
    });
  }
});
