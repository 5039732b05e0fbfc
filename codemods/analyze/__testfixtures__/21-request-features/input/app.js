const express = require('express');
const cookieParser = require('cookie-parser');
const app = express();
app.use(express.json());
app.use(cookieParser());
app.post('/notes/:id', (req, res) => {
  res.json({ id: req.params.id, draft: req.query.draft, body: req.body, agent: req.headers['user-agent'], trace: req.get('x-trace'), theme: req.cookies.theme });
});
app.get('/profile', (req, res) => res.json({ user: req.user, session: req.session.id, ip: req.ip }));
app.post('/upload', (req, res) => res.json({ name: req.file.originalname, db: req.app.get('db') }));
module.exports = app;
