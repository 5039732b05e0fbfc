const express = require('express');
const app = express();
app.get('/report', (req, res) => res.sendFile('/tmp/report.pdf'));
app.get('/me', (req, res) => res.json({ user: req.user, db: req.app.get('db') }));
app.post('/items', (req, res) => res.status(201).set('location', '/items/1').json({ q: req.query.q, h: req.get('x-h'), b: req.body }));
app.get('/maybe', (req, res, next) => { if (!req.query.ok) return next(); res.send('ok'); });
app.get('/fail', (req, res, next) => next(new Error('boom')));
