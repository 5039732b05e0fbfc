import { handler, NotFound, z } from 'carve';
import { assertTeaches } from '../access';
import { CourseRepo } from '../courses/course-repo';
import { findCourse } from '../courses/find-course';
import { NumericId } from '../schemas';
import { EnrolmentRepo } from './enrolment-repo';

export const deleteEnrolment = handler({
  method: 'DELETE', path: '/enrolments/{enrolmentId}', auth: { roles: ['teacher'] }, summary: 'Withdraw a student (drops their grades)',
  params: z.object({ enrolmentId: NumericId }),
  inject: { enrolments: EnrolmentRepo, courses: CourseRepo },
}, ({ params, principal }, { enrolments, courses }) => {
  const enrolment = enrolments.get(params.enrolmentId);
  if (!enrolment) throw new NotFound(`no enrolment ${params.enrolmentId}`);
  assertTeaches(principal, findCourse(courses, enrolment.courseCode));
  enrolments.remove(enrolment.id);
});
