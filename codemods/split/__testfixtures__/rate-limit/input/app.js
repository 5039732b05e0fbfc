const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { LIMITS } = require('./config');

const PER_WINDOW = Number(process.env.RATE_LIMIT) || LIMITS.perWindow;
// In front of every route: carve's rateLimit() on the whole split app, counting the legacy app's requests too.
const limiter = rateLimit({ windowMs: 60 * 1000, max: PER_WINDOW, standardHeaders: true, legacyHeaders: false, message: 'Slow down.' });
// In front of some routes only: it comes along as it is, one instance for every module that uses it.
const loginLimiter = rateLimit({ windowMs: 60 * 60 * 1000, limit: 2 });

const app = express();
app.use(limiter);
app.use(express.json());
app.get('/items', (req, res) => res.json([{ id: 1 }]));
app.get('/items/:id', (req, res) => res.json({ id: Number(req.params.id) }));
app.post('/login', loginLimiter, (req, res) => res.json({ ok: true }));
app.post('/reset/:token', loginLimiter, (req, res) => res.json({ reset: req.params.token }));
// A route carve cannot route (a RegExp path) stays in the legacy app, behind the same limit.
app.get(/^\/legacy\/.+/, (req, res) => res.json({ legacy: true }));

module.exports = app;
