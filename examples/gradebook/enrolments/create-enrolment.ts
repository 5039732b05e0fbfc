import { handler, reply, UnprocessableContent } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { Enrolment, NewEnrolment } from '../schemas.js';
import { StudentRepo } from '../students/student-repo.js';
import { Clock } from '../system/clock.js';
import { EnrolmentRepo } from './enrolment-repo.js';

export const createEnrolment = handler({
  method: 'POST', path: '/enrolments', auth: { roles: ['teacher'] }, summary: 'Enrol a student in a course you teach', status: 201,
  body: NewEnrolment,
  response: Enrolment,
  inject: { enrolments: EnrolmentRepo, courses: CourseRepo, students: StudentRepo, clock: Clock },
}, ({ body, principal }, { enrolments, courses, students, clock }) => {
  assertTeaches(principal, findCourse(courses, body.courseCode));
  if (!students.get(body.studentId)) throw new UnprocessableContent(`no student ${body.studentId}`);
  const enrolment = enrolments.create(body.courseCode, body.studentId, clock.now());
  return reply({ status: 201, headers: { location: `/enrolments/${enrolment.id}` }, body: enrolment });
});
