const express = require('express');
const app = express();
const orders = express.Router();
orders.get('/:id', (req, res, next) => next(new Error('not found')));
orders.use((err, req, res, next) => res.status(404).json({ error: err.message }));
app.use('/orders', orders);
app.get('/health', (req, res) => res.send('ok'));
app.use(function onError(err, req, res, next) { res.status(500).json({ error: err.message }); });
module.exports = app;
