import { handler, reply, UnprocessableContent } from 'carve';
import { assertTeaches } from '../access.js';
import { CourseRepo } from '../courses/course-repo.js';
import { findCourse } from '../courses/find-course.js';
import { EnrolmentRepo } from '../enrolments/enrolment-repo.js';
import { Grade, NewGrade } from '../schemas.js';
import { Clock } from '../system/clock.js';
import { GradeNotices } from '../notices/notices.js';
import { GradeRepo } from './grade-repo.js';

export const postGrade = handler({
  method: 'POST', path: '/grades', auth: { roles: ['teacher'] }, summary: 'Post a grade in a course you teach', status: 201,
  body: NewGrade,
  response: Grade,
  inject: { grades: GradeRepo, courses: CourseRepo, enrolments: EnrolmentRepo, clock: Clock, notices: GradeNotices },
}, async ({ body, principal, log }, { grades, courses, enrolments, clock, notices }) => {
  assertTeaches(principal, findCourse(courses, body.courseCode));
  const enrolment = enrolments.find(body.courseCode, body.studentId);
  if (!enrolment) throw new UnprocessableContent(`${body.studentId} is not enrolled in ${body.courseCode}`);
  const grade = grades.create({
    enrolmentId: enrolment.id, assessment: body.assessment, score: body.score, comment: body.comment ?? null,
    postedBy: principal.sub, postedAt: clock.now(),
  });
  // The grade is recorded either way: a notice that could not be sent is logged, not turned into a failed request.
  await notices.posted(grade).catch((error: unknown) => log.warn('grade notice not sent', { gradeId: grade.id, error: String(error) }));
  return reply({ status: 201, headers: { location: `/grades/${grade.id}` }, body: grade });
});
