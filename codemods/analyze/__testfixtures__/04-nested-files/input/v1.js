const { Router } = require('express');
const orders = require('./orders');
const v1 = Router();
v1.use('/orders', orders);
module.exports = v1;
