const express = require('express');
function getRouter() {
  const router = express.Router();
  router.get('/ping', (req, res) => res.send('pong'));
  return router;
}
const app = express();
app.use('/api', getRouter());
