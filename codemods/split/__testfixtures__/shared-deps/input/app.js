const express = require('express');
const db = require('./lib/db');
const { settings } = require('./lib/config');
const { slugify } = require('./lib/text');
const limits = require('./lib/limits.json');

const app = express();

// db and settings are shared instances: they become DI tokens. slugify is code: it stays an import.
app.get('/posts', (req, res) => res.json(db.posts.list(settings.pageSize)));
app.get('/posts/:slug', (req, res) => {
  const post = db.posts.get(req.params.slug);
  if (!post) return res.status(404).json({ error: 'no such post' });
  res.json(post);
});
app.get('/tags/:name', (req, res) => res.json({ tag: slugify(req.params.name), posts: db.posts.tagged(slugify(req.params.name)) }));
app.get('/settings', (req, res) => res.json(settings));
// JSON the app requires is a value too: imported with its import attributes, as Node requires.
app.get('/limits', (req, res) => res.json(limits));

module.exports = app;
