import { handler } from 'carve';
import { assertTeaches } from '../access.js';
import { Course, CourseCodeParams, CoursePatch } from '../schemas.js';
import { CourseRepo } from './course-repo.js';
import { findCourse } from './find-course.js';

export const updateCourse = handler({
  method: 'PATCH', path: '/courses/{courseCode}', auth: { roles: ['teacher'] }, summary: 'Change a course you teach',
  params: CourseCodeParams,
  body: CoursePatch,
  response: Course,
  inject: { courses: CourseRepo },
}, ({ params, body, principal }, { courses }) => {
  const course = findCourse(courses, params.courseCode);
  assertTeaches(principal, course);
  return courses.update(course, body);
});
