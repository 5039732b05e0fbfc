import { measureColdStart, type BuiltUnit, type TargetDescriptor } from 'carve/build';
import { functionAppFiles } from './app-files';
import { planAzureFunctions } from './routes';

/**
 * Build descriptor for Azure Functions: each unit is its own v4 function app (host.json, package.json,
 * index.js registering app.http per route), so units deploy and scale apart.
 */
const azure: TargetDescriptor = {
  name: 'azure',
  entryFile: 'index.js',
  fallbackUnit: 'carve-fallback',
  check: (app) => void planAzureFunctions(app.handlers),
  // The worker injects its core API into the @azure/functions it finds in node_modules.
  externals: ['@azure/functions'],
  entrySource: (unitApp, { remainder }) => [
    `import app from ${JSON.stringify(unitApp)};`,
    `import { registerAzureFunctions } from 'carve/azure';`,
    ...(remainder ? [`import { legacyAzureHandler } from 'carve/azure/legacy';`] : []),
    `const routePrefix = process.env.CARVE_ROUTE_PREFIX ?? 'api';`,
    remainder
      ? 'registerAzureFunctions(app, { routePrefix, fallback: legacyAzureHandler(app.remainder, { routePrefix }) });'
      : 'registerAzureFunctions(app, { routePrefix });',
    '',
  ].join('\n'),
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      const app = functionAppFiles({ name: `${context.app.name}-${unit.name}`, main: 'index.js', dependencies: unit.externals, routePrefix: context.settings.routePrefix });
      files[`${unit.name}/host.json`] = app['host.json'];
      files[`${unit.name}/package.json`] = app['package.json'];
    }
    return files;
  },
  coldStart: async (unit) => measureColdStart(probe(unit), unit.dir),
};
export default azure;

/** Loads the function app with a stand-in for the worker's core API and invokes its first route once. */
function probe(unit: BuiltUnit): string {
  const route = unit.routes.find((r) => r.method === 'GET') ?? unit.routes[0] ?? { method: 'GET', path: '/' };
  const path = route.path.replace(/\{\w+\+?\}/g, 'x');
  return `import Module from 'node:module';
const registered = [];
const core = { setProgrammingModel() {}, registerFunction(metadata, handler) { registered.push(handler); return { dispose() {} }; }, registerHook() { return { dispose() {} }; }, log() {} };
const load = Module._load;
Module._load = function (request, ...rest) { return request === '@azure/functions-core' ? core : load.call(this, request, ...rest); };
const start = performance.now();
await import(${JSON.stringify(`${unit.dir}/index.js`)});
const { HttpRequest, InvocationContext } = (await import('@azure/functions')).default;
await registered[0](new HttpRequest({ method: ${JSON.stringify(route.method === 'ANY' ? 'GET' : route.method)}, url: 'http://localhost:7071/api${path}' }), new InvocationContext({ invocationId: 'cold', functionName: 'cold', logHandler() {} }));
console.log('coldStartMs=' + (performance.now() - start));`;
}
