let counter = 0;
const seen = new Map();
exports.list = function list(req, res) { counter++; seen.set(req.query.id, true); res.json({ counter }); };
exports.tally = () => counter;
