const express = require('express');
const path = require('path');
const app = express();
app.use('/assets', express.static(path.join(__dirname, 'public')));
app.get('/api/ping', (req, res) => res.send('pong'));
app.use(express.static('public'));
app.use((req, res) => res.status(404).json({ error: 'not found' }));
module.exports = app;
