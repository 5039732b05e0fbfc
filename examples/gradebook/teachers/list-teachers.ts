import { handler } from 'carve';
import { Teachers } from '../schemas.js';
import { TeacherRepo } from './teacher-repo.js';

export const listTeachers = handler({
  method: 'GET', path: '/teachers', summary: 'List teachers',
  response: Teachers,
  inject: { teachers: TeacherRepo },
}, (_, { teachers }) => teachers.list());
