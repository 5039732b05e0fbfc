import { handler, z } from 'carve';
import { assertTeaches } from '../access';
import { Course, CourseCode, CoursePatch } from '../schemas';
import { CourseRepo } from './course-repo';
import { findCourse } from './find-course';

export const updateCourse = handler({
  method: 'PATCH', path: '/courses/{courseCode}', auth: { roles: ['teacher'] }, summary: 'Change a course you teach',
  params: z.object({ courseCode: CourseCode }),
  body: CoursePatch,
  response: Course,
  inject: { courses: CourseRepo },
}, ({ params, body, principal }, { courses }) => {
  const course = findCourse(courses, params.courseCode);
  assertTeaches(principal, course);
  return courses.update(course, body);
});
