import { handler } from 'carve';
import { assertSelfOrTeacher } from '../access.js';
import { Grade, GradeIdParams } from '../schemas.js';
import { findGrade } from './find-grade.js';
import { GradeRepo } from './grade-repo.js';

export const getGrade = handler({
  method: 'GET', path: '/grades/{gradeId}', auth: { roles: ['student', 'teacher'] }, summary: 'Read one grade',
  params: GradeIdParams,
  response: Grade,
  inject: { grades: GradeRepo },
}, ({ params, principal }, { grades }) => {
  const grade = findGrade(grades, params.gradeId);
  assertSelfOrTeacher(principal, grade.studentId, 'grades');
  return grade;
});
