const express = require('express');
const app = express();
app.all('/health', (req, res) => res.send('ok'));
app.all('/webhooks/:source', (req, res) => res.status(202).json({ source: req.params.source, method: req.method }));
module.exports = app;
