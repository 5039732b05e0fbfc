// The legacy gradebook's store: plain arrays, as many small Express apps start.
const courses = [
  { code: 'MATH-101', title: 'Analytical Engines', teacherId: 'tea-ada' },
  { code: 'CS-201', title: 'Computability', teacherId: 'tea-alan' },
];
const grades = [
  { id: 1, courseCode: 'MATH-101', studentId: 'stu-grace', score: 91 },
  { id: 2, courseCode: 'CS-201', studentId: 'stu-grace', score: 88 },
  { id: 3, courseCode: 'MATH-101', studentId: 'stu-linus', score: 78 },
];
module.exports = {
  courses,
  grades,
  findCourse: (code) => courses.find((c) => c.code === code),
  gradesOf: (studentId) => grades.filter((g) => g.studentId === studentId),
};
