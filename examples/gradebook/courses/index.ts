export { createCourse } from './create-course.js';
export { deleteCourse } from './delete-course.js';
export { getCourse } from './get-course.js';
export { listCourses } from './list-courses.js';
export { updateCourse } from './update-course.js';
