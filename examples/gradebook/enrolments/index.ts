export { createEnrolment } from './create-enrolment';
export { deleteEnrolment } from './delete-enrolment';
export { listEnrolments } from './list-enrolments';
