import { handler } from 'carve';
import { StudentFilter, Students } from '../schemas.js';
import { StudentRepo } from './student-repo.js';

export const listStudents = handler({
  method: 'GET', path: '/students', auth: { roles: ['teacher'] }, summary: 'List students',
  query: StudentFilter,
  response: Students,
  inject: { students: StudentRepo },
}, ({ query }, { students }) => students.list(query.year));
