import { measureColdStart, type BuiltUnit, type EmitContext, type TargetDescriptor } from 'carve/build';
import { stringify } from 'yaml';

const pascal = (name: string) => name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const FALLBACK = 'carve-fallback';
const WARMUP_INPUT = JSON.stringify({ carve: 'warmup' });

/** Build descriptor for AWS Lambda: `index.js` per unit, AWS SAM `template.yaml`, `serverless.yml`. */
const aws: TargetDescriptor = {
  name: 'aws',
  entryFile: 'index.js',
  fallbackUnit: FALLBACK,
  entrySource: (unitApp, { remainder }) => [
    `import app from ${JSON.stringify(unitApp)};`,
    `import { toLambdaHandler } from 'carve/aws';`,
    // Only the unit that serves the legacy remainder bundles serverless-express.
    ...(remainder
      ? [`import { legacyHandler } from 'carve/aws/legacy';`, `export const handler = toLambdaHandler(app, { fallback: legacyHandler(app.remainder) });`]
      : [`export const handler = toLambdaHandler(app);`]),
    '',
  ].join('\n'),
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['template.yaml'] = samTemplate(context);
    files['serverless.yml'] = serverlessYml(context);
    return files;
  },
  coldStart: async (unit) => measureColdStart(probe(unit), unit.dir),
};
export default aws;

/** Which HTTP API routes send requests to a unit: every route (HEAD with GET), all of them for a monolith. */
function httpRoutes(unit: BuiltUnit, units: BuiltUnit[]): { method: string; path: string }[] | 'default' {
  if (unit.name === FALLBACK || unit.remainder || units.length === 1) return 'default';
  return unit.routes.flatMap((r) => (r.method === 'GET' ? [r, { method: 'HEAD', path: r.path }] : [r]));
}

function samTemplate({ app, shape, units, settings }: EmitContext): string {
  // Events without an ApiId attach to SAM's implicit HTTP API, `ServerlessHttpApi`.
  const resources: Record<string, unknown> = {};
  for (const unit of units) {
    const events: Record<string, unknown> = {};
    const routes = httpRoutes(unit, units);
    if (routes === 'default') events['Default'] = { Type: 'HttpApi' };
    else routes.forEach((r, i) => (events[`${pascal(r.method.toLowerCase())}${i}`] = { Type: 'HttpApi', Properties: { Path: r.path, Method: r.method } }));
    if (settings.warmup) events['Warmup'] = { Type: 'Schedule', Properties: { Schedule: 'rate(5 minutes)', Input: WARMUP_INPUT } };
    resources[`${pascal(unit.name)}Function`] = { Type: 'AWS::Serverless::Function', Properties: { CodeUri: `${unit.name}/`, Events: events } };
  }
  return stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${app.name} (${shape}), built by carve`,
    Globals: { Function: { Runtime: settings.runtime, Handler: 'index.handler', MemorySize: settings.memoryMb, Timeout: settings.timeoutSeconds } },
    Resources: resources,
    Outputs: { ApiUrl: { Description: 'The HTTP API endpoint', Value: { 'Fn::Sub': 'https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}' } } },
  }, { lineWidth: 0 }).replace(/^AWSTemplateFormatVersion: (.*)$/m, "AWSTemplateFormatVersion: '$1'");
}

function serverlessYml({ app, shape, units, settings }: EmitContext): string {
  const functions: Record<string, unknown> = {};
  for (const unit of units) {
    const routes = httpRoutes(unit, units);
    const events: unknown[] = routes === 'default' ? [{ httpApi: '*' }] : routes.map((r) => ({ httpApi: { method: r.method === 'ANY' ? '*' : r.method, path: r.path } }));
    if (settings.warmup) events.push({ schedule: { rate: 'rate(5 minutes)', input: { carve: 'warmup' } } });
    functions[unit.name] = { handler: `${unit.name}/index.handler`, package: { patterns: ['!**', `${unit.name}/**`] }, events };
  }
  return stringify({
    service: `${app.name}-${shape}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    frameworkVersion: '>=3',
    provider: { name: 'aws', runtime: settings.runtime, memorySize: settings.memoryMb, timeout: settings.timeoutSeconds, httpApi: { payload: '2.0' } },
    package: { individually: true },
    functions,
  }, { lineWidth: 0 });
}

/** Loads the unit in a fresh process and answers one HTTP API event for its first route. */
function probe(unit: BuiltUnit): string {
  const route = unit.routes.find((r) => r.method === 'GET') ?? unit.routes[0] ?? { method: 'GET', path: '/' };
  const path = route.path.replace(/\{\w+\+?\}/g, 'x');
  const method = route.method === 'ANY' ? 'GET' : route.method;
  const event = {
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'cold.test' }, isBase64Encoded: false,
    requestContext: { requestId: 'cold-start', stage: '$default', domainName: 'cold.test', http: { method, path, sourceIp: '127.0.0.1' } },
  };
  return `const start = performance.now();
const { handler } = await import(${JSON.stringify(`${unit.dir}/index.js`)});
await handler(${JSON.stringify(event)}, { awsRequestId: 'cold', getRemainingTimeInMillis: () => 30000 });
console.log('coldStartMs=' + (performance.now() - start));`;
}
