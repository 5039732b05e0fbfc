const express = require('express');
const app = express();
function requestId(req, res, next) { next(); }
function audit(req, res, next) { next(); }
app.get('/before', (req, res) => res.send('no middleware'));
app.use(requestId);
app.get('/middle', (req, res) => res.send('requestId only'));
app.use(audit);
app.get('/after', (req, res) => res.send('requestId then audit'));
module.exports = app;
