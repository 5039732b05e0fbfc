// Stands in for typescript-express-starter's App class in its own tests: getServer() is the URL of the app
// under test, running out of process (TARGET_URL), whatever routes the test hands it.
// The App module it stands for loads reflect-metadata, which the tests' own route classes need (typedi).
require(require.resolve('reflect-metadata', { paths: [process.cwd()] }));
class App {
  getServer() {
    return process.env.TARGET_URL;
  }
}
module.exports = { App };
