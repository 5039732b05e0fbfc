const express = require('express');
const db = { get: (sql, params) => null, all: (sql) => [] };
const cache = new Map();
const app = express();
db.get('SELECT * FROM users WHERE id = ?', [1]);
db.all('SELECT * FROM users');
cache.get('k');
app.get('/users', (req, res) => res.json(db.all('SELECT 1')));
app.get('/settings');
