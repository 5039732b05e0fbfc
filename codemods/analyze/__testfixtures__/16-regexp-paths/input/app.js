const express = require('express');
const app = express();
const apiPath = '/api';
app.get(new RegExp('^(?!' + apiPath + ')'), (req, res) => res.send('spa'));
app.get('/api/ok', (req, res) => res.json({ ok: true }));
