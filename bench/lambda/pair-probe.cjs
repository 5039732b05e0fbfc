// Warm µs per GET of a few bundles alone in one process, interleaved round by round. Lambda runs one handler per
// process: here, as there, no other framework's garbage is in the heap (in the table of every peer, the peers' heaps
// make each collection dearer for whoever allocates next, and carve allocates more than the raw handler).
// argv: the event as JSON, calls per round, rounds, the bundles. Prints each bundle's rounds in µs, as JSON.
const [eventText, iterations, rounds, ...files] = process.argv.slice(2);
const calls = Number(iterations);
const handlers = files.map((file) => require(file).handler);
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
(async () => {
  for (const handler of handlers) for (let i = 0; i < 20000; i++) await handler(JSON.parse(eventText), context);
  const samples = files.map(() => []);
  for (let round = 0; round < Number(rounds); round++) {
    // Each round starts with the next bundle: who runs after whom (and pays for its garbage) changes round by round.
    for (let j = 0; j < handlers.length; j++) {
      const k = (round + j) % handlers.length;
      // A fresh copy per call, parsed outside the clock, as in the main table.
      const copies = Array.from({ length: calls }, () => JSON.parse(eventText));
      const start = process.hrtime.bigint();
      for (const copy of copies) await handlers[k](copy, context);
      samples[k].push(Number(process.hrtime.bigint() - start) / 1000 / calls);
    }
  }
  process.stdout.write(JSON.stringify(samples));
})();
