// Cold-start probe (`node probe.mjs <unit dir> <method> <path>`): a fresh process loads the unit's bundle
// and answers one HTTP API event. The clock starts on the first line, before any import.
const started = process.hrtime.bigint();
const [dir, method, path] = process.argv.slice(2) as [string, string, string];
const { pathToFileURL } = await import('node:url');
const { handler } = (await import(pathToFileURL(`${dir}/index.js`).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
await handler({
  version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'cold.test' }, isBase64Encoded: false,
  requestContext: { requestId: 'cold-start', stage: '$default', domainName: 'cold.test', http: { method, path, sourceIp: '127.0.0.1' } },
}, { awsRequestId: 'cold', getRemainingTimeInMillis: () => 30_000 });
console.log(`coldStartMs=${Number(process.hrtime.bigint() - started) / 1e6}`);
// What the unit left open (a database pool) would keep the process alive: the platform freezes it after the answer.
process.exit(0);
