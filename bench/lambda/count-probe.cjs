// Run under valgrind: load one bundle and answer the same event N times, one after another. The instructions of two
// such runs with different N, subtracted, are what one warm request costs, with Node's start-up and the JIT's warm-up
// cancelled out. One event reused, so this counts the handler's work and little garbage collection.
const { handler } = require(process.argv[2]);
const event = JSON.parse(process.argv[3]);
const times = Number(process.argv[4]);
const context = { awsRequestId: 'count', getRemainingTimeInMillis: () => 30000 };
(async () => {
  for (let i = 0; i < times; i++) await handler(event, context);
})();
