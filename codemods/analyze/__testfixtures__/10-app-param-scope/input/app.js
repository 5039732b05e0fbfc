const express = require('express');
const app = express();
function loadId(req, res, next, id) { req.loaded = id; next(); }
// Express scopes params per router: this loader runs for /top/:id only, never for /widgets/:id.
app.param('id', loadId);
app.get('/top/:id', (req, res) => res.json({ loaded: req.loaded }));
const widgets = express.Router();
widgets.get('/:id', (req, res) => res.json({ loaded: req.loaded || null }));
app.use('/widgets', widgets);
module.exports = app;
