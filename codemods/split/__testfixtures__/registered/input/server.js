const express = require('express');
const sessions = require('./lib/sessions');

const app = express();
app.use(sessions.middleware());
require('./config/routes')(app, sessions);
app.use('/api', require('./routes/api')());

module.exports = app;

if (require.main === module) app.listen(3000);
