import { handler, z } from 'carve';
import { Course, CourseCode } from '../schemas';
import { CourseRepo } from './course-repo';
import { findCourse } from './find-course';

export const getCourse = handler({
  method: 'GET', path: '/courses/{courseCode}', summary: 'Read a course',
  params: z.object({ courseCode: CourseCode }),
  response: Course,
  inject: { courses: CourseRepo },
}, ({ params }, { courses }) => findCourse(courses, params.courseCode));
