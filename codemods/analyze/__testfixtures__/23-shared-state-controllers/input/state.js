module.exports = { hits: 0 };
