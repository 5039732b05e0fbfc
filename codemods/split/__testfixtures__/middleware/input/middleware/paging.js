const createError = require('http-errors');
const config = require('../config');

module.exports = function checkPage(req, res, next) {
  const page = req.query.page;
  if (page === undefined) return next();
  if (!/^\d+$/.test(page) || Number(page) > config.maxPage) return next(createError(400, 'page must be a number up to the limit'));
  next();
};
