const express = require('express');
const vhost = require('vhost');

// Routes that answer only where run-time code says: in the inventory, each with its reason, never missing.
const settings = { basePath: process.env.BASE_PATH };

const main = express();
main.get('/', (req, res) => res.send('main'));

const admin = express.Router();
admin.get('/stats', (req, res) => res.json({}));

const app = express();
app.use(vhost('example.com', main));
app.use(settings.basePath, admin);
app.get('/health', (req, res) => res.json({ ok: true }));

module.exports = app;
