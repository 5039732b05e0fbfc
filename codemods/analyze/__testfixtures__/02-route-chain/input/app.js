const express = require('express');
const app = express();
function list(req, res) { res.json([]); }
function create(req, res) { res.status(201).json(req.body); }
function replace(req, res) { res.send('ok'); }
app.route('/books').get(list).post(create).put(replace);
module.exports = app;
