import { handler } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { Grade, GradeIdParams, GradePatch } from '../schemas.js';
import { findGrade } from './find-grade.js';
import { GradeRepo } from './grade-repo.js';

export const updateGrade = handler({
  method: 'PATCH', path: '/grades/{gradeId}', auth: { roles: ['teacher'] }, summary: 'Correct a grade in a course you teach',
  params: GradeIdParams,
  body: GradePatch,
  response: Grade,
  inject: { grades: GradeRepo, courses: CourseRepo },
}, ({ params, body, principal }, { grades, courses }) => {
  const grade = findGrade(grades, params.gradeId);
  assertTeaches(principal, findCourse(courses, grade.courseCode));
  return grades.update(grade, body);
});
