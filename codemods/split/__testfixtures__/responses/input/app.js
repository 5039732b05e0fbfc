const express = require('express');

const app = express();
app.use(express.json());

// Headers, cookies and a status set before the answer: the calls stay as written, on Express's res stand-in.
app.post('/sessions', (req, res) => {
  if (!req.body || !req.body.user) return res.status(400).json({ error: 'user is required' });
  res.cookie('session', `s-${req.body.user}`, { httpOnly: true, sameSite: 'lax' });
  res.cookie('prefs', { theme: 'dark' });
  res.location(`/sessions/${req.body.user}`);
  res.status(201).json({ user: req.body.user });
});
app.delete('/sessions/current', (req, res) => {
  res.clearCookie('session');
  res.sendStatus(204);
});
app.get('/old-home', (req, res) => res.redirect(301, '/home'));
app.get('/search', (req, res) => res.redirect(`/find?q=${encodeURIComponent(String(req.query.q))}&from=old`));
app.get('/report.csv', (req, res) => {
  res.set({ 'Content-Type': 'text/csv', 'Cache-Control': 'no-store' });
  res.append('Link', '</report.json>; rel="alternate"');
  res.status(202);
  res.send('a,b\n1,2\n');
});
app.get('/remember', (req, res) => res.cookie('seen', '1', { maxAge: 60000 }).send('ok'));

// Through the compat layer: a signed cookie needs cookie-parser's secret; res.type is not converted. res.locals.user is
// request state, as req.user is (locals.user).
app.get('/signed', (req, res) => res.cookie('id', '1', { signed: true }).send('ok'));
app.get('/locals', (req, res) => {
  res.locals.user = 'ada';
  res.send('ok');
});
app.get('/typed', (req, res) => res.type('json').send('{"a":1}'));

module.exports = app;
