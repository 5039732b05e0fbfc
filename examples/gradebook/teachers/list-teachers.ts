import { handler, z } from 'carve';
import { Teacher } from '../schemas.js';
import { TeacherRepo } from './teacher-repo.js';

export const listTeachers = handler({
  method: 'GET', path: '/teachers', summary: 'List teachers',
  response: z.array(Teacher),
  inject: { teachers: TeacherRepo },
}, (_, { teachers }) => teachers.list());
