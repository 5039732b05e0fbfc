const express = require('express');
const app = express();
const users = express.Router();
users.get('/:id', (req, res) => res.json({ id: req.params.id }));
app.use('/api/users', users);
