const express = require('express');
const { requireApiKey, loadUser, loadTenant, requireTenant } = require('./middleware/auth');
const checkPage = require('./middleware/paging');
const books = require('./books');

const app = express();
app.use(express.json());

app.get('/books', checkPage, (req, res) => res.json({ page: Number(req.query.page ?? 1), books }));
app.get('/books/:id', requireApiKey, (req, res) => {
  const book = books.find((b) => b.id === req.params.id);
  if (!book) return res.status(404).json({ error: 'no such book' });
  res.json(book);
});
app.post('/books', [requireApiKey, checkPage], (req, res) => res.status(201).json({ created: req.body.title }));
app.get('/me', requireApiKey, loadUser, (req, res) => res.json({ user: req.user }));
app.get('/tenant', loadTenant, requireTenant, (req, res) => res.json({ tenant: res.locals.tenant }));
// req.user and res.locals.user are two things in Express: one chain using both is not rewritten (compat).
app.get('/both', loadUser, (req, res) => res.json({ user: req.user, local: res.locals.user ?? null }));
app.get('/slow', (req, res, next) => {
  next();
  console.log('after next');
}, (req, res) => res.send('slow'));

// Router-level middleware that writes a header: its routes stay.
const admin = express.Router();
admin.use((req, res, next) => {
  res.set('x-audited', 'yes');
  next();
});
admin.get('/stats', (req, res) => res.json({ books: books.length }));
app.use('/admin', admin);

module.exports = app;
