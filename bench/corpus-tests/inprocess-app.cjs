// Stands in for the app module in an app's own tests: the split app (STRANGLER_MODULE), in the test's own process,
// so what the tests share with the app in memory (a database client in a transaction) is shared with it too.
const loaded = import(process.env.STRANGLER_MODULE);
module.exports = (req, res) => {
  loaded.then((m) => m.default(req, res), (error) => {
    res.statusCode = 599;
    res.end(String(error && error.stack));
  });
};
