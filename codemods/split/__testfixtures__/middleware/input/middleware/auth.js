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

// The same through res.locals, as jobly's authenticateJWT does: res.locals.tenant becomes locals.tenant.
exports.loadTenant = (req, res, next) => {
  const key = req.get('x-api-key');
  if (key) res.locals.tenant = key.replace(/^key-/, 'tenant-');
  return next();
};

exports.requireTenant = (req, res, next) => {
  if (!res.locals.tenant) return res.status(401).json({ error: 'no tenant' });
  return next();
};
