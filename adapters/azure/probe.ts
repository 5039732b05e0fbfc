// Cold-start probe (`node probe.mjs <unit dir> <method> <path>`): a fresh process loads the function app
// with a stand-in for the worker's core API and invokes its first function once. The clock starts on the
// first line, before any import.
const started = process.hrtime.bigint();
const [dir, method, path] = process.argv.slice(2) as [string, string, string];
type Handler = (request: unknown, context: unknown) => Promise<unknown>;
const registered: Handler[] = [];
const core = {
  setProgrammingModel() {},
  registerFunction(_metadata: unknown, handler: Handler) {
    registered.push(handler);
    return { dispose() {} };
  },
  registerHook: () => ({ dispose() {} }),
  log() {},
};
// The worker provides `@azure/functions-core` to the library; outside it, this stand-in does.
const { default: Module } = (await import('node:module')) as unknown as { default: { _load: (request: string, ...rest: unknown[]) => unknown } };
const load = Module._load;
Module._load = function (request: string, ...rest: unknown[]) {
  return request === '@azure/functions-core' ? core : load.call(this, request, ...rest);
};
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(`${dir}/index.js`).href);
const { default: azure } = await import('@azure/functions');
const prefix = JSON.parse((await import('node:fs')).readFileSync(`${dir}/host.json`, 'utf8')).extensions?.http?.routePrefix ?? 'api';
await registered[0]!(
  new azure.HttpRequest({ method, url: `http://localhost:7071${prefix ? `/${prefix}` : ''}${path}` }),
  new azure.InvocationContext({ invocationId: 'cold', functionName: 'cold', logHandler() {} }),
);
console.log(`coldStartMs=${Number(process.hrtime.bigint() - started) / 1e6}`);
// What the unit left open (a database pool) would keep the process alive: the platform freezes it after the answer.
process.exit(0);
