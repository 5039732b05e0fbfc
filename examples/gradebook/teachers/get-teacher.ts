import { handler, NotFound } from 'carve';
import { Teacher, TeacherIdParams } from '../schemas.js';
import { TeacherRepo } from './teacher-repo.js';

export const getTeacher = handler({
  method: 'GET', path: '/teachers/{teacherId}', summary: 'Read a teacher',
  params: TeacherIdParams,
  response: Teacher,
  inject: { teachers: TeacherRepo },
}, ({ params }, { teachers }) => {
  const teacher = teachers.get(params.teacherId);
  if (!teacher) throw new NotFound(`no teacher ${params.teacherId}`);
  return teacher;
});
