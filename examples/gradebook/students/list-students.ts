import { handler, z } from 'carve';
import { Student } from '../schemas.js';
import { StudentRepo } from './student-repo.js';

export const listStudents = handler({
  method: 'GET', path: '/students', auth: { roles: ['teacher'] }, summary: 'List students',
  query: z.object({ year: z.coerce.number().int().min(1).max(8).optional() }),
  response: z.array(Student),
  inject: { students: StudentRepo },
}, ({ query }, { students }) => students.list(query.year));
