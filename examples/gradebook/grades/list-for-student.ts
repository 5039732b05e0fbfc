import { handler, z } from 'carve';
import { assertSelfOrTeacher } from '../access';
import { CourseCode, Grade, Id } from '../schemas';
import { GradeRepo } from './grade-repo';

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
