import { handler } from 'carve';
import { Course, CourseCodeParams } from '../schemas.js';
import { CourseRepo } from './course-repo.js';
import { findCourse } from './find-course.js';

export const getCourse = handler({
  method: 'GET', path: '/courses/{courseCode}', summary: 'Read a course',
  params: CourseCodeParams,
  response: Course,
  inject: { courses: CourseRepo },
}, ({ params }, { courses }) => findCourse(courses, params.courseCode));
