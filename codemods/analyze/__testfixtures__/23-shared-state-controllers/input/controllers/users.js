const state = require('../state');
exports.list = function list(req, res) { state.hits++; res.json([]); };
exports.show = (req, res) => res.json({ id: req.params.id });
