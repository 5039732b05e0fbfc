// Stands in for express-gateway's admin factory (lib/rest) in its own tests: the split app (STRANGLER_APP, carve's
// routes) in front of the legacy admin app that the test's own config builds, listening where the factory would.
const path = require('node:path');
const root = process.env.EG_ROOT;
const factory = require(path.join(root, 'lib/rest/index.js'));
const eventBus = require(path.join(root, 'lib/eventBus'));
module.exports = async function (options = {}) {
  const legacy = factory({ ...options, listen: false });
  if (!legacy) return legacy;
  const [{ default: express }, { toExpressRouter }, { default: app }] = await Promise.all([
    import(require.resolve('express', { paths: [root] })), import(require.resolve('carve/express', { paths: [root] })), import(process.env.STRANGLER_APP),
  ]);
  const server = express();
  server.use(toExpressRouter(app));
  server.use(legacy);
  const { port, host, backlog } = (options.config || require(path.join(root, 'lib/config'))).gatewayConfig.admin;
  return new Promise((resolve) => {
    const srv = server.listen(port, host, backlog, () => {
      eventBus.emit('admin-ready', { adminServer: srv });
      resolve(srv);
    });
  });
};
