const express = require('express');
const db = require('./db');

const app = express();
app.use(express.json());

function requireAuth(req, res, next) {
  if (!req.get('authorization')) return res.status(401).json({ error: 'login first' });
  next();
}
function shout(text) { return text.toUpperCase(); }

// A comment the split leaves exactly where it is.
app.get('/users', (req, res) => {
  const limit = Number(req.query.limit ?? 10);
  res.json(db.users.slice(0, limit));
});
app.get('/users/:id', (req, res) => {
  const user = db.find(req.params.id);
  if (!user) return res.status(404).json({ error: `no user ${req.params.id}` });
  res.json(user);
});
app.post('/users', (req, res) => res.status(201).json({ created: req.body, by: req.get('X-Client') }));
app.delete('/users/:id', (req, res) => res.sendStatus(204));
// Its own `body` and `query`: the SDK input is renamed around them, never shadowed.
app.put('/users/:id', (req, res) => {
  const body = req.body;
  const query = Object.keys(req.query);
  res.json({ id: req.params.id, ...body, query });
});
app.get('/health', (req, res) => res.send('ok'));
app.get('/report', (req, res) => res.sendFile('/tmp/report.pdf'));
app.get('/me', (req, res) => res.json(req.user));
app.get('/secret', requireAuth, (req, res) => res.json({ secret: 42 }));
app.get('/shout', (req, res) => res.send(shout(String(req.query.text))));
app.get('/later/:id', (req, res) => {
  db.findLater(req.params.id, (err, user) => res.json(user));
});

module.exports = app;
