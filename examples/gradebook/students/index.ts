export { createStudent } from './create-student';
export { getStudent } from './get-student';
export { listStudents } from './list-students';
