const express = require('express');
const app = express();
const api = express.Router();
const auth = express.Router();
auth.post('/login', (req, res) => res.json({ token: 't' }));
const users = express.Router();
users.get('/:id', (req, res) => res.json({ id: req.params.id }));
const routes = [
  { path: '/auth', route: auth },
  { path: '/users', route: users },
];
routes.forEach((r) => api.use(r.path, r.route));
const admin = express.Router();
admin.get('/stats', (req, res) => res.json({}));
const sections = [{ at: '/admin', router: admin }];
sections.forEach((s) => api.use(s.at, s.router));
// A table that can change is not folded: a warning, and the routes stay in the legacy app.
let late = [{ path: '/late', route: users }];
late.forEach((r) => api.use(r.path, r.route));
const plugins = loadPlugins();
plugins.forEach((p) => api.use(p.path, p.router));
app.use('/v1', api);
function loadPlugins() { return []; }
module.exports = app;
