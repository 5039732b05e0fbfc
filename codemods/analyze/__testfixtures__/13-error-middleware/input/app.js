const express = require('express');
const app = express();
// Registered before every route: it never sees their errors.
app.use(function beforeRoutes(err, req, res, next) { res.status(418).json({ error: 'too early' }); });
const orders = express.Router();
orders.get('/:id', (req, res, next) => next(new Error('not found')));
orders.use((err, req, res, next) => res.status(404).json({ error: err.message }));
app.use('/orders', orders);
app.get('/health', (req, res) => res.send('ok'));
// Path-scoped: only the routes under /health.
app.use('/health', function healthErrors(err, req, res, next) { res.status(503).send('unhealthy'); });
app.use(function onError(err, req, res, next) { res.status(500).json({ error: err.message }); });
module.exports = app;
