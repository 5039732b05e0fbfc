export { createStudent } from './create-student.js';
export { getStudent } from './get-student.js';
export { listStudents } from './list-students.js';
