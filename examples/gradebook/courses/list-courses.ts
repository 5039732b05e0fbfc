import { handler } from 'carve';
import { CourseFilter, Courses } from '../schemas.js';
import { CourseRepo } from './course-repo.js';

export const listCourses = handler({
  method: 'GET', path: '/courses', summary: 'List courses, optionally by teacher',
  query: CourseFilter,
  response: Courses,
  inject: { courses: CourseRepo },
}, ({ query }, { courses }) => courses.list(query.teacher));
