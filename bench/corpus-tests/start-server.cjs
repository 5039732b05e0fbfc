// Stands in for an app's startServer() in its own tests: starts the split app (STRANGLER_MODULE) in the test's
// process instead, on a free loopback port, with the close() that returns a promise the tests await.
exports.__esModule = true;
exports.default = async function startServer({ port = 0 } = {}) {
  const { default: server } = await import(process.env.STRANGLER_MODULE);
  return new Promise((resolve) => {
    const listening = server.listen(Number(port) || 0, '127.0.0.1', () => {
      const close = listening.close.bind(listening);
      listening.close = () => new Promise((done) => close(done));
      resolve(listening);
    });
  });
};
