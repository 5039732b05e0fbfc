export { createEnrolment } from './create-enrolment.js';
export { deleteEnrolment } from './delete-enrolment.js';
export { listEnrolments } from './list-enrolments.js';
