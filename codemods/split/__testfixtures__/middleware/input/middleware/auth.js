const config = require('../config');

// Shared by many routes: converted once, imported by each handler that needs it.
exports.requireApiKey = (req, res, next) => {
  const key = req.get('x-api-key');
  if (!key) return res.status(401).json({ error: 'an API key is required' });
  if (!config.apiKeys.includes(key)) return res.status(403).json({ error: 'unknown API key' });
  next();
};

// Sets request state for what runs after it: req.user becomes locals.user in the converted chain.
exports.loadUser = (req, res, next) => {
  req.user = { key: req.get('x-api-key') };
  next();
};
