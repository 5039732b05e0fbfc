// mocha --require: the tests' require of lib/rest gets the split app's stand-in; everything else (the split app's
// own import of the legacy factory, the stand-in's) gets the real module.
const Module = require('node:module');
const path = require('node:path');
const real = path.join(process.env.EG_ROOT, 'lib/rest/index.js');
const testDir = path.join(process.env.EG_ROOT, 'test') + path.sep;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const found = resolve.call(this, request, parent, ...rest);
  return found === real && parent && parent.filename && parent.filename.startsWith(testDir) ? path.join(__dirname, 'eg-admin-factory.cjs') : found;
};
