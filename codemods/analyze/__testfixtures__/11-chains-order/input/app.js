const express = require('express');
const auth = { required: (req, res, next) => next(), optional: (req, res, next) => next() };
const app = express();
function setItem(req, res, next) { next(); }
function a(req, res, next) { next(); }
function b(req, res, next) { next(); }
function logger(req, res, next) { next(); }
app.get('/early', (req, res) => res.send('before logger'));
app.use(logger);
app.get('/items/:id', auth.required, setItem, (req, res) => res.json({}));
app.get('/x', [a, b], (req, res) => res.send('x'));
app.use('/admin', auth.required);
app.get('/admin/stats', (req, res) => res.json({}));
app.get('/administrators', (req, res) => res.json([]));
app.use((err, req, res, next) => res.status(500).json({ error: err.message }));
app.use(express.static('public'));
app.use((req, res) => res.status(404).send('not found'));
