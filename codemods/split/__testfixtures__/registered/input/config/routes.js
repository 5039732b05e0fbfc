// Routes registered on the app the entry passes in, with the entry's own sessions object.
const users = require('../lib/users');

module.exports = function (app, sessions) {
  const remember = sessions.remember.bind(sessions);

  app.post('/login', express.json(), remember, (req, res) => res.status(201).json({ user: req.session.user }));
  app.param('name', (req, res, next, name) => {
    req.greeting = `hello ${name}`;
    next();
  });
  app.get('/hello/:name', (req, res) => res.json({ greeting: req.greeting }));
  app.get('/debug', (req, res) => res.json({ main: !module.parent }));
  app.get('/me', (req, res) => {
    if (!req.session.user) return res.status(401).json({ error: 'not signed in' });
    res.json({ user: req.session.user, known: users.includes(req.session.user) });
  });
};

const express = require('express');
