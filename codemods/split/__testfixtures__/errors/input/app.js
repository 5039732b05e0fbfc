const express = require('express');
const createError = require('http-errors');
const orders = require('./orders');

const app = express();
app.use(express.json());

// next(err) with a status: the same status after the split.
app.get('/orders/:id', (req, res, next) => {
  const order = orders.find(req.params.id);
  if (!order) return next(createError(404, 'no such order'));
  res.json(order);
});

// A throw inside an async handler: Express 5 passes it on as next(err) does.
app.post('/orders', async (req, res) => {
  if (!req.body || !req.body.item) throw createError(422, 'item is required');
  const order = await orders.create(req.body.item);
  res.status(201).json(order);
});

// A rejected promise: 500, its message kept from the client.
app.get('/orders/:id/invoice', async (req, res) => {
  const invoice = await orders.invoice(req.params.id);
  res.json(invoice);
});

// next handed on as a callback: stays in the legacy app.
app.get('/orders/:id/status', (req, res, next) => {
  orders.status(req.params.id).then((status) => res.json(status)).catch(next);
});

// The admin router answers its own errors: its error middleware comes along as an error guard.
const admin = express.Router();
admin.delete('/orders/:id', (req, res, next) => next(createError(403, 'admins only')));
admin.get('/stats', (req, res) => res.json({ orders: orders.count() }));
admin.use((err, req, res, next) => res.status(err.status || 500).json({ error: err.message }));
app.use('/admin', admin);

// This error middleware reads Express's own req.originalUrl: it cannot come along, so the failing route stays.
const reports = express.Router();
reports.get('/broken', async (req, res) => {
  if (!req.query.retry) throw createError(500, 'report engine down');
  res.json({ retried: true });
});
reports.get('/fine', (req, res) => res.json({ ok: true }));
reports.use((err, req, res, next) => res.status(err.status || 500).json({ failed: req.originalUrl }));
app.use('/reports', reports);

module.exports = app;
