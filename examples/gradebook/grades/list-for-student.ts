import { handler } from 'carve';
import { assertSelfOrTeacher } from '../access.js';
import { GradeFilter, Grades, StudentIdParams } from '../schemas.js';
import { GradeRepo } from './grade-repo.js';

export const listGradesForStudent = handler({
  method: 'GET', path: '/students/{studentId}/grades', resource: 'grades', auth: { roles: ['student', 'teacher'] },
  summary: "A student's grades; students see only their own",
  params: StudentIdParams,
  query: GradeFilter,
  response: Grades,
  inject: { grades: GradeRepo },
}, ({ params, query, principal }, { grades }) => {
  assertSelfOrTeacher(principal, params.studentId, 'grades');
  return grades.forStudent(params.studentId, query.course);
});
