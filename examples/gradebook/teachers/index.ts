export { getTeacher } from './get-teacher';
export { listTeachers } from './list-teachers';
