import { NotFound } from 'carve';
import type { Course } from '../schemas.js';
import type { CourseRepository } from './course-repo.js';

export function findCourse(courses: CourseRepository, code: string): Course {
  const course = courses.get(code);
  if (!course) throw new NotFound(`no course ${code}`);
  return course;
}
