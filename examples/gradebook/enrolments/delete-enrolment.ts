import { handler, NotFound } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { EnrolmentIdParams } from '../schemas.js';
import { EnrolmentRepo } from './enrolment-repo.js';

export const deleteEnrolment = handler({
  method: 'DELETE', path: '/enrolments/{enrolmentId}', auth: { roles: ['teacher'] }, summary: 'Withdraw a student (drops their grades)',
  params: EnrolmentIdParams,
  inject: { enrolments: EnrolmentRepo, courses: CourseRepo },
}, ({ params, principal }, { enrolments, courses }) => {
  const enrolment = enrolments.get(params.enrolmentId);
  if (!enrolment) throw new NotFound(`no enrolment ${params.enrolmentId}`);
  assertTeaches(principal, findCourse(courses, enrolment.courseCode));
  enrolments.remove(enrolment.id);
});
