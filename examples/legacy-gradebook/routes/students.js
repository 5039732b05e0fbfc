const { Router } = require('express');
const db = require('../db');
const { authenticate, selfOrTeacher } = require('../middleware/auth');

const router = Router();

router.get('/:studentId/grades', [authenticate, selfOrTeacher], (req, res) => {
  res.json(db.gradesOf(req.params.studentId));
});

module.exports = router;
