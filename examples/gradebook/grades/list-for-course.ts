import { handler } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { CourseCodeParams, Grades } from '../schemas.js';
import { GradeRepo } from './grade-repo.js';

export const listGradesForCourse = handler({
  method: 'GET', path: '/courses/{courseCode}/grades', resource: 'grades', auth: { roles: ['teacher'] },
  summary: 'The grade sheet of a course you teach',
  params: CourseCodeParams,
  response: Grades,
  inject: { grades: GradeRepo, courses: CourseRepo },
}, ({ params, principal }, { grades, courses }) => {
  assertTeaches(principal, findCourse(courses, params.courseCode));
  return grades.forCourse(params.courseCode);
});
