// "Authorization: Bearer <role>:<id>", the kind of home-grown auth legacy apps carry.
exports.authenticate = function authenticate(req, res, next) {
  const match = /^Bearer (teacher|student):([\w-]+)$/.exec(req.get('authorization') || '');
  if (!match) return res.status(401).json({ error: 'login required' });
  req.user = { role: match[1], id: match[2] };
  next();
};

exports.requireTeacher = function requireTeacher(req, res, next) {
  if (req.user.role !== 'teacher') return res.status(403).json({ error: 'teachers only' });
  next();
};

exports.selfOrTeacher = function selfOrTeacher(req, res, next) {
  if (req.user.role !== 'teacher' && req.user.id !== req.params.studentId) return res.status(403).json({ error: 'not your grades' });
  next();
};
