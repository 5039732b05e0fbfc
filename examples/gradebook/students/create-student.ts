import { handler, reply } from 'carve';
import { NewStudent, Student } from '../schemas.js';
import { StudentRepo } from './student-repo.js';

export const createStudent = handler({
  method: 'POST', path: '/students', auth: { roles: ['teacher'] }, summary: 'Register a student', status: 201,
  body: NewStudent,
  response: Student,
  inject: { students: StudentRepo },
}, ({ body }, { students }) => {
  const student = students.create(body);
  return reply({ status: 201, headers: { location: `/students/${student.id}` }, body: student });
});
