const express = require('express');
const auth = require('./auth');
const app = express();
const sync = express();
sync.use(auth);
sync.post('/x', (req, res) => res.json(req.body));
app.use(express.json());
app.use('/sync', sync);
