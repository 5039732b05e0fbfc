// Run as `node import-probe.mjs <module file>` by the build: how long loading one module takes in a fresh
// process, from before the import to after its evaluation. The clock is read before anything else is touched.
const started = process.hrtime.bigint();
const file = process.argv[2];
if (!file) throw new Error('usage: import-probe <module file>');
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(file).href);
const importMs = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`importMs=${importMs}\n`);
