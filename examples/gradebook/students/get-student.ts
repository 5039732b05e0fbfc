import { handler, NotFound } from 'carve';
import { assertSelfOrTeacher } from '../access.js';
import { Student, StudentIdParams } from '../schemas.js';
import { StudentRepo } from './student-repo.js';

export const getStudent = handler({
  method: 'GET', path: '/students/{studentId}', auth: { roles: ['teacher', 'student'] }, summary: 'Read a student',
  params: StudentIdParams,
  response: Student,
  inject: { students: StudentRepo },
}, ({ params, principal }, { students }) => {
  assertSelfOrTeacher(principal, params.studentId, 'record');
  return students.get(params.studentId) ?? notFound(params.studentId);
});

function notFound(id: string): never {
  throw new NotFound(`no student ${id}`);
}
