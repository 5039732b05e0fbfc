import { handler, z } from 'carve';
import { assertSelfOrTeacher, isTeacher } from '../access.js';
import { CourseCode, Enrolment, Id } from '../schemas.js';
import { EnrolmentRepo } from './enrolment-repo.js';

export const listEnrolments = handler({
  method: 'GET', path: '/enrolments', auth: { roles: ['teacher', 'student'] },
  summary: 'List enrolments; students see only their own',
  query: z.object({ course: CourseCode.optional(), student: Id.optional() }),
  response: z.array(Enrolment),
  inject: { enrolments: EnrolmentRepo },
}, ({ query, principal }, { enrolments }) => {
  const studentId = isTeacher(principal) ? query.student : (query.student ?? principal.sub);
  if (studentId !== undefined) assertSelfOrTeacher(principal, studentId, 'enrolments');
  return enrolments.list({ courseCode: query.course, studentId });
});
