import { handler, z } from 'carve';
import { assertSelfOrTeacher } from '../access.js';
import { CourseCode, Grade, Id } from '../schemas.js';
import { GradeRepo } from './grade-repo.js';

export const listGradesForStudent = handler({
  method: 'GET', path: '/students/{studentId}/grades', resource: 'grades', auth: { roles: ['student', 'teacher'] },
  summary: "A student's grades; students see only their own",
  params: z.object({ studentId: Id }),
  query: z.object({ course: CourseCode.optional() }),
  response: z.array(Grade),
  inject: { grades: GradeRepo },
}, ({ params, query, principal }, { grades }) => {
  assertSelfOrTeacher(principal, params.studentId, 'grades');
  return grades.forStudent(params.studentId, query.course);
});
