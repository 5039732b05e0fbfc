// Stands in for the app module in an app's own tests: supertest(app) then talks to the app under test over HTTP (TARGET_URL).
module.exports = process.env.TARGET_URL;
