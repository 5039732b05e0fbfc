import { handler, z } from 'carve';
import { assertTeaches } from '../access';
import { CourseRepo } from '../courses/course-repo';
import { findCourse } from '../courses/find-course';
import { NumericId } from '../schemas';
import { findGrade } from './find-grade';
import { GradeRepo } from './grade-repo';

export const deleteGrade = handler({
  method: 'DELETE', path: '/grades/{gradeId}', auth: { roles: ['teacher'] }, summary: 'Delete a grade in a course you teach',
  params: z.object({ gradeId: NumericId }),
  inject: { grades: GradeRepo, courses: CourseRepo },
}, ({ params, principal }, { grades, courses }) => {
  const grade = findGrade(grades, params.gradeId);
  assertTeaches(principal, findCourse(courses, grade.courseCode));
  grades.remove(grade.id);
});
