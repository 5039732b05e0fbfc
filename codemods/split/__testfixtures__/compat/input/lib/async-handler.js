// A wrapper that only forwards a rejected promise to next(), as express-async-handler does.
module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);
