exports.health = function health(req, res) {
  res.json({ status: 'ok' });
};

exports.version = (req, res) => res.send('legacy-gradebook 1.0');
