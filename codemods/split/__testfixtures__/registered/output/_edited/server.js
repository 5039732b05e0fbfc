const express = require('express');
const sessions = require('./lib/sessions');

const app = express();
// A setting the routes' answers depend on: every moved route must still pretty-print its JSON.
app.set('json spaces', 2);
app.use(sessions.middleware());
require('./config/routes')(app, sessions);
app.use('/api', require('./routes/api')());
app.use((req, res) => res.status(404).json({ error: 'none here' }));

module.exports = app;

// Imported by an ES module, a CommonJS module has no module.parent: the split app must require it.
if (require.main === module) app.listen(3000);
