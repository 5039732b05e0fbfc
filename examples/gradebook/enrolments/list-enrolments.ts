import { handler } from 'carve';
import { assertSelfOrTeacher, isTeacher } from '../access.js';
import { EnrolmentFilter, Enrolments } from '../schemas.js';
import { EnrolmentRepo } from './enrolment-repo.js';

export const listEnrolments = handler({
  method: 'GET', path: '/enrolments', auth: { roles: ['teacher', 'student'] },
  summary: 'List enrolments; students see only their own',
  query: EnrolmentFilter,
  response: Enrolments,
  inject: { enrolments: EnrolmentRepo },
}, ({ query, principal }, { enrolments }) => {
  const studentId = isTeacher(principal) ? query.student : (query.student ?? principal.sub);
  if (studentId !== undefined) assertSelfOrTeacher(principal, studentId, 'enrolments');
  return enrolments.list({ courseCode: query.course, studentId });
});
