// Sessions in express-session's default MemoryStore, shared by a route that must stay (a RegExp path) and routes
// that could move: they stay with it, or a user logged in on one side would be a stranger on the other. The rate
// limiter has a store outside the process, so the routes behind it move.
const express = require('express');
const session = require('express-session');
const rateLimit = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');

const app = express();

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

app.use('/api', rateLimit({ windowMs: 60_000, limit: 100, store: new RedisStore({}) }));
app.get('/api/status', (req, res) => {
  res.json({ up: true });
});

// Counters in memory in front of routes that all move: they move, warned (UNIT_STATE) that each unit counts alone.
app.use('/news', rateLimit({ windowMs: 60_000, limit: 5 }));
app.get('/news', (req, res) => {
  res.json([]);
});

app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

app.post(/^\/login$/, (req, res) => {
  req.session.user = req.query.name;
  res.json({ ok: true });
});

app.get('/me', (req, res) => {
  res.json({ user: req.session.user ?? null });
});

module.exports = app;
