import { handler } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { GradeIdParams } from '../schemas.js';
import { findGrade } from './find-grade.js';
import { GradeRepo } from './grade-repo.js';

export const deleteGrade = handler({
  method: 'DELETE', path: '/grades/{gradeId}', auth: { roles: ['teacher'] }, summary: 'Delete a grade in a course you teach',
  params: GradeIdParams,
  inject: { grades: GradeRepo, courses: CourseRepo },
}, ({ params, principal }, { grades, courses }) => {
  const grade = findGrade(grades, params.gradeId);
  assertTeaches(principal, findCourse(courses, grade.courseCode));
  grades.remove(grade.id);
});
