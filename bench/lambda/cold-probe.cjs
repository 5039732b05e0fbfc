// Run in a fresh node process: load one bundle and answer one event. Prints the milliseconds from this
// script's first line to the first response, i.e. the cold start a bundle adds on top of Node itself. The clock is
// process.hrtime, as the build's probes read it: the first performance.now() call itself costs about 1 ms.
const start = process.hrtime.bigint();
const { handler } = require(process.argv[2]);
const event = JSON.parse(process.argv[3]);
const context = { awsRequestId: 'cold', getRemainingTimeInMillis: () => 30000 };
Promise.resolve(handler(event, context)).then((result) => {
  // Read the clock before touching process.stdout: its getter builds the stream, a few ms on its own.
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, status: result.statusCode }));
});
