import { handler, reply } from 'carve';
import { Course, NewCourse } from '../schemas.js';
import { CourseRepo } from './course-repo.js';

export const createCourse = handler({
  method: 'POST', path: '/courses', auth: { roles: ['teacher'] }, summary: 'Create a course taught by the caller', status: 201,
  body: NewCourse,
  response: Course,
  inject: { courses: CourseRepo },
}, ({ body, principal }, { courses }) => {
  const course = courses.create({ ...body, teacherId: principal.sub });
  return reply({ status: 201, headers: { location: `/courses/${course.code}` }, body: course });
});
