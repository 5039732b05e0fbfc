// Run in a fresh node process: load one bundle and answer one event. Prints the milliseconds from this
// script's first line to the first response, i.e. the cold start a bundle adds on top of Node itself.
const start = performance.now();
const { handler } = require(process.argv[2]);
const event = JSON.parse(process.argv[3]);
const context = { awsRequestId: 'cold', getRemainingTimeInMillis: () => 30000 };
Promise.resolve(handler(event, context)).then((result) => {
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, status: result.statusCode }));
});
