export { deleteGrade } from './delete-grade';
export { getGrade } from './get-grade';
export { listGradesForCourse } from './list-for-course';
export { listGradesForStudent } from './list-for-student';
export { postGrade } from './post-grade';
export { updateGrade } from './update-grade';
