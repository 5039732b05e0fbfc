const express = require('express');
const orders = express.Router();
orders.get('/', (req, res) => res.json([]));
orders.get('/:orderId', (req, res) => res.json({ id: req.params.orderId }));
module.exports = orders;
