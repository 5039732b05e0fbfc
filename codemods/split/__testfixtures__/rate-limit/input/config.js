module.exports = { LIMITS: { perWindow: 6 } };
