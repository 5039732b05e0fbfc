// Routes registered on the app the entry passes in, with the entry's own sessions object.
const path = require('node:path');
const users = require('../lib/users');

module.exports = function (app, sessions) {
  const remember = sessions.remember.bind(sessions);

  app.post('/login', express.json(), remember, (req, res) => res.status(201).json({ user: req.session.user }));
  app.param('name', (req, res, next, name) => {
    req.greeting = `hello ${name}`;
    next();
  });
  app.get('/hello/:name', (req, res) => res.json({ greeting: req.greeting }));
  // A route that loads and passes on, and the route after it that reads what it loaded.
  app.all('/items/:id', (req, res, next) => {
    req.item = { id: req.params.id, loaded: true };
    next();
  });
  app.get('/items/:id', (req, res) => res.json(req.item));
  // Passes on to whatever answers next: here, the app's own 404 handler.
  app.get('/maybe', (req, res, next) => next());
  // A file beside the sources: found from where the moved code runs.
  app.get('/hello.txt', (req, res) => res.sendFile(path.join(__dirname, 'files', 'hello.txt')));
  app.get('/debug', (req, res) => res.json({ main: !module.parent }));
  app.get('/me', (req, res) => {
    if (!req.session.user) return res.status(401).json({ error: 'not signed in' });
    res.json({ user: req.session.user, known: users.includes(req.session.user) });
  });
};

const express = require('express');
