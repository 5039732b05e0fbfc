const express = require('express');
const users = require('./controllers/users');
const app = express();
app.get('/users', users.list);
app.get('/users/:id', users.show);
app.get('/orders', require('./controllers/orders').list);
const cache = new Map();
app.get('/profile', (req, res) => { cache.set('profile', req.query.id); res.json({}); });
app.get('/stats', (req, res) => res.json({ cached: cache.size }));
