import type Database from 'better-sqlite3';

/** Demo people; `npm start` prints a token for each of the first three. */
export const DEMO = {
  teacher: { id: 'tea-ada', name: 'Ada Lovelace', email: 'ada@school.test' },
  otherTeacher: { id: 'tea-alan', name: 'Alan Turing', email: 'alan@school.test' },
  student: { id: 'stu-grace', name: 'Grace Hopper', email: 'grace@school.test', year: 2 },
  otherStudent: { id: 'stu-linus', name: 'Linus Torvalds', email: 'linus@school.test', year: 1 },
} as const;

const SEEDED_AT = '2026-09-01T08:00:00.000Z';

/** Seeds an empty database; call it inside a transaction. */
export function seed(db: Database.Database): void {
  const teacher = db.prepare('INSERT INTO teachers (id, name, email) VALUES (?, ?, ?)');
  for (const t of [DEMO.teacher, DEMO.otherTeacher]) teacher.run(t.id, t.name, t.email);
  const student = db.prepare('INSERT INTO students (id, name, email, year) VALUES (?, ?, ?, ?)');
  for (const s of [DEMO.student, DEMO.otherStudent]) student.run(s.id, s.name, s.email, s.year);
  const course = db.prepare('INSERT INTO courses (code, title, credits, teacher_id) VALUES (?, ?, ?, ?)');
  course.run('MATH-101', 'Analytical Engines', 6, DEMO.teacher.id);
  course.run('CS-201', 'Computability', 5, DEMO.otherTeacher.id);
  const enrol = db.prepare('INSERT INTO enrolments (course_code, student_id, enrolled_at) VALUES (?, ?, ?)');
  enrol.run('MATH-101', DEMO.student.id, SEEDED_AT); // enrolment 1
  enrol.run('MATH-101', DEMO.otherStudent.id, SEEDED_AT); // enrolment 2
  enrol.run('CS-201', DEMO.student.id, SEEDED_AT); // enrolment 3
  const grade = db.prepare('INSERT INTO grades (enrolment_id, assessment, score, comment, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?)');
  grade.run(1, 'midterm', 91, 'Excellent notes', DEMO.teacher.id, SEEDED_AT); // grade 1
  grade.run(2, 'midterm', 78, null, DEMO.teacher.id, SEEDED_AT); // grade 2
  grade.run(3, 'essay', 88, null, DEMO.otherTeacher.id, SEEDED_AT); // grade 3
}
