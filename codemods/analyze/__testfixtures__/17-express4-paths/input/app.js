const express = require('express');
const app = express();
app.all('/health', (req, res) => res.send('ok'));
app.get('/files/*', (req, res) => res.send(req.params[0]));
app.get('/u/:id?', (req, res) => res.send('u'));
app.get(['/a', '/b'], (req, res) => res.send('ab'));
