import { handler, z } from 'carve';
import { assertTeaches } from '../access';
import { CourseRepo } from '../courses/course-repo';
import { findCourse } from '../courses/find-course';
import { Grade, GradePatch, NumericId } from '../schemas';
import { findGrade } from './find-grade';
import { GradeRepo } from './grade-repo';

export const updateGrade = handler({
  method: 'PATCH', path: '/grades/{gradeId}', auth: { roles: ['teacher'] }, summary: 'Correct a grade in a course you teach',
  params: z.object({ gradeId: NumericId }),
  body: GradePatch,
  response: Grade,
  inject: { grades: GradeRepo, courses: CourseRepo },
}, ({ params, body, principal }, { grades, courses }) => {
  const grade = findGrade(grades, params.gradeId);
  assertTeaches(principal, findCourse(courses, grade.courseCode));
  return grades.update(grade, body);
});
