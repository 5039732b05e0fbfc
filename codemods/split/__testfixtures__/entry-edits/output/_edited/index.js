// The entry of an app that exports nothing and listens once its database is connected, at import.
const express = require('express');
const db = require('./db');

const app = express();

app.get('/books', (req, res) => {
  res.json(db.books());
});

app.get(/^\/old\//, (req, res) => {
  res.send(`old ${db.books().length}`);
});

db.connect().then(() => {
  if (require.main === module) app.listen(process.env.PORT || 3000, () => console.log('listening'));
});
module.exports = app;
