const express = require('express');
const db = require('../db');
const { authenticate, requireTeacher } = require('../middleware/auth');

const router = express.Router();

router.param('courseCode', function loadCourse(req, res, next, code) {
  req.course = db.findCourse(code);
  if (!req.course) return res.status(404).json({ error: `no course ${code}` });
  next();
});

router.get('/', (req, res) => {
  const teacher = req.query.teacher;
  res.json(teacher ? db.courses.filter((c) => c.teacherId === teacher) : db.courses);
});

router.get('/:courseCode', (req, res) => res.json(req.course));

router.post('/', authenticate, requireTeacher, (req, res) => {
  const course = { code: req.body.code, title: req.body.title, teacherId: req.user.id };
  db.courses.push(course);
  res.status(201).json(course);
});

module.exports = router;
