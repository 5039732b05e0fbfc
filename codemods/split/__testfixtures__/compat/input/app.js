const express = require('express');
const cors = require('cors');
const securityHeaders = require('./lib/security');
const items = require('./routes/items');
const health = require('./routes/health');

const app = express();
// In front of every route: carve's cors() with the same options, on the whole split app.
app.use(cors({ origin: ['https://shop.test', /\.shop\.test$/], credentials: true, exposedHeaders: 'x-total', maxAge: 600 }));
app.use(securityHeaders({ frame: 'SAMEORIGIN' }));
app.use(express.json());
// Registered under conditions: the middleware comes along under the same one, the route exists only when it holds.
if (process.env.NODE_ENV !== 'production') app.use((req, res, next) => {
  res.set('x-trace', 'on');
  next();
});
if (process.env.ENABLE_DEBUG === '1') app.get('/debug', (req, res) => res.json({ debug: true }));
app.use('/shops/:shop/items', items);
app.use('/health', health);
app.use((err, req, res, next) => res.status(err.status || 500).json({ error: err.message }));

function start(port) {
  return app.listen(port);
}

if (require.main === module) start(process.env.PORT || 3000);

module.exports = { app, start };
