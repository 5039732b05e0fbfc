const express = require('express');
const app = express();
const router = express.Router();
const routes = [{ path: '/auth', route: express.Router() }];
routes.forEach((r) => router.use(r.path, r.route));
for (const method of ['get', 'post']) app[method]('/x', (req, res) => res.send(method));
app.map({ '/y': { get: (req, res) => res.send('y') } });
app.get(/^\/re\/(\d+)$/, (req, res) => res.send(req.params[0]));
app.use('/r', router);
