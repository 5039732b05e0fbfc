const express = require('express');
const app = express();
app.get('/throws', async (req, res) => {
  throw new Error('boom');
});
app.get('/rejects', (req, res, next) => Promise.reject(new Error('nope')).catch(next));
app.get('/next-route', (req, res, next) => next('route'));
app.get('/next-route', (req, res) => res.send('second'));
