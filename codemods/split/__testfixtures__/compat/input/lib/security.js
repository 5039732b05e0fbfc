// A middleware built by a call, as helmet() is: it sets headers and goes on.
module.exports = function securityHeaders(options = {}) {
  return (req, res, next) => {
    res.setHeader('x-frame-options', options.frame || 'DENY');
    next();
  };
};
