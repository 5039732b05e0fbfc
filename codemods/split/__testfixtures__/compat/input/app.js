const express = require('express');
const securityHeaders = require('./lib/security');
const items = require('./routes/items');
const health = require('./routes/health');

const app = express();
app.use(securityHeaders({ frame: 'SAMEORIGIN' }));
app.use(express.json());
app.use('/shops/:shop/items', items);
app.use('/health', health);
app.use((err, req, res, next) => res.status(err.status || 500).json({ error: err.message }));

function start(port) {
  return app.listen(port);
}

if (require.main === module) start(process.env.PORT || 3000);

module.exports = { app, start };
