// The "before" of examples/gradebook: a classic Express app, to be split with `carve split`.
const express = require('express');
const health = require('./controllers/health');
const courses = require('./routes/courses');
const students = require('./routes/students');

const app = express();
app.use(express.json());

app.get('/health', health.health);
app.get('/version', health.version);
app.delete('/cache', (req, res) => res.sendStatus(204));
app.use('/courses', courses);
app.use('/students', students);

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'something broke' });
});
app.use((req, res) => res.status(404).json({ error: `no route for ${req.method} ${req.path}` }));

module.exports = app;
