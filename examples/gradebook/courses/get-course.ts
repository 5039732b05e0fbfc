import { handler, z } from 'carve';
import { Course, CourseCode } from '../schemas.js';
import { CourseRepo } from './course-repo.js';
import { findCourse } from './find-course.js';

export const getCourse = handler({
  method: 'GET', path: '/courses/{courseCode}', summary: 'Read a course',
  params: z.object({ courseCode: CourseCode }),
  response: Course,
  inject: { courses: CourseRepo },
}, ({ params }, { courses }) => findCourse(courses, params.courseCode));
