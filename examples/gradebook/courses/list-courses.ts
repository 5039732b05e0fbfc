import { handler, z } from 'carve';
import { Course, Id } from '../schemas.js';
import { CourseRepo } from './course-repo.js';

export const listCourses = handler({
  method: 'GET', path: '/courses', summary: 'List courses, optionally by teacher',
  query: z.object({ teacher: Id.optional() }),
  response: z.array(Course),
  inject: { courses: CourseRepo },
}, ({ query }, { courses }) => courses.list(query.teacher));
