export { deleteGrade } from './delete-grade.js';
export { getGrade } from './get-grade.js';
export { listGradesForCourse } from './list-for-course.js';
export { listGradesForStudent } from './list-for-student.js';
export { postGrade } from './post-grade.js';
export { updateGrade } from './update-grade.js';
