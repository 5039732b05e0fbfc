const express = require('express');
const app = express();
function registerRoutes(server) {
  server.get('/registered', (req, res) => res.send('yes'));
}
registerRoutes(app);
