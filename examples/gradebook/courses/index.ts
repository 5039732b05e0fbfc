export { createCourse } from './create-course';
export { deleteCourse } from './delete-course';
export { getCourse } from './get-course';
export { listCourses } from './list-courses';
export { updateCourse } from './update-course';
