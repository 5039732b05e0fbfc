const express = require('express');

// A router factory, mounted as require('./routes/api')().
module.exports = function () {
  const router = express.Router();
  router.get('/ping', (req, res) => res.json({ pong: true, user: req.session.user ?? null }));
  return router;
};
