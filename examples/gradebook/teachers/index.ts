export { getTeacher } from './get-teacher.js';
export { listTeachers } from './list-teachers.js';
