module.exports = function auth(req, res, next) { next(); };
