import { handler } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseCodeParams } from '../schemas.js';
import { CourseRepo } from './course-repo.js';
import { findCourse } from './find-course.js';

export const deleteCourse = handler({
  method: 'DELETE', path: '/courses/{courseCode}', auth: { roles: ['teacher'] }, summary: 'Delete a course you teach, with its enrolments and grades',
  params: CourseCodeParams,
  inject: { courses: CourseRepo },
}, ({ params, principal }, { courses }) => {
  assertTeaches(principal, findCourse(courses, params.courseCode));
  courses.remove(params.courseCode);
});
