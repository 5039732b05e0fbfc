import { expect } from 'vitest';
import type { ContractCase } from '../case.js';

/** The callers the gradebook cases use; the suite turns each into an Authorization header. */
export type Caller =
  | 'teacher' | 'otherTeacher' | 'student' | 'otherStudent'
  | 'expired' | 'notYetValid' | 'wrongAudience' | 'algNone' | 'badSignature';

const problem = (status: number, extra: object = {}) => ({ status, problem: true, ...extra });
// Behind the HTTP API's JWT authorizer a bad token never reaches carve: the gateway answers 401 in its own words.
const atGateway = { why: 'the JWT authorizer refuses the token at the gateway, with its own 401 body', expect: { status: 401 } };
const json = { 'content-type': 'application/json' };
// Built units run with the real clock (no test overrides can reach them), so times are checked for form.
const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/**
 * The gradebook's behaviour, in order: later cases see earlier writes. Each target gets a fresh,
 * freshly seeded app (see examples/gradebook/seed.ts for the data).
 */
export const gradebookCases: ContractCase<Caller>[] = [
  { name: 'health is public', request: { method: 'GET', url: '/health' }, expect: { status: 200, headers: json, body: { status: 'ok' } } },
  { name: 'HEAD answers like GET without a body', request: { method: 'HEAD', url: '/health' }, expect: { status: 200, empty: true } },

  // authentication
  { name: 'no token → 401', request: { method: 'GET', url: '/courses' }, expect: problem(401, { headers: { 'www-authenticate': /^Bearer/ } }), platforms: { 'aws-jwt-authorizer': atGateway } },
  { name: 'expired token → 401', as: 'expired', request: { method: 'GET', url: '/me' }, expect: problem(401, { body: { detail: 'token expired' } }), platforms: { 'aws-jwt-authorizer': atGateway } },
  { name: 'not-yet-valid token → 401', as: 'notYetValid', request: { method: 'GET', url: '/me' }, expect: problem(401, { body: { detail: 'token not yet valid' } }), platforms: { 'aws-jwt-authorizer': atGateway } },
  { name: 'wrong-audience token → 401', as: 'wrongAudience', request: { method: 'GET', url: '/me' }, expect: problem(401), platforms: { 'aws-jwt-authorizer': atGateway } },
  { name: 'alg:none token → 401', as: 'algNone', request: { method: 'GET', url: '/me' }, expect: problem(401) },
  { name: 'badly signed token → 401', as: 'badSignature', request: { method: 'GET', url: '/me' }, expect: problem(401, { body: { detail: 'token signature is invalid' } }) },
  { name: 'whoami', as: 'student', request: { method: 'GET', url: '/me' }, expect: { status: 200, body: { sub: 'stu-grace', roles: ['student'] } } },

  // routing and bad input
  { name: 'unknown path → 404', as: 'teacher', request: { method: 'GET', url: '/nope' }, expect: problem(404) },
  { name: 'wrong method → 405 with Allow', as: 'teacher', request: { method: 'PUT', url: '/courses' }, expect: problem(405, { headers: { allow: 'GET, HEAD, POST' } }) },
  { name: 'bad path parameter → 400 naming it', as: 'student', request: { method: 'GET', url: '/courses/math' }, expect: problem(400, { body: { errors: [{ path: 'params.courseCode' }] } }) },
  { name: 'bad query parameter → 400 naming it', as: 'teacher', request: { method: 'GET', url: '/students?year=abc' }, expect: problem(400, { body: { errors: [{ path: 'query.year' }] } }) },
  {
    name: 'malformed JSON → 400', as: 'teacher',
    request: { method: 'POST', url: '/courses', headers: { 'content-type': 'application/json' }, body: '{"code": "PHYS-' },
    expect: problem(400, { body: { detail: expect.stringMatching(/^malformed JSON/) } }),
  },
  {
    name: 'schema violation → 400 listing every failing path', as: 'teacher',
    request: { method: 'POST', url: '/courses', body: { code: 'physics', credits: 0 } },
    expect: problem(400, { body: { errors: [{ path: 'body.code' }, { path: 'body.title' }, { path: 'body.credits' }] } }),
  },
  {
    name: 'unsupported media type → 415', as: 'teacher',
    request: { method: 'POST', url: '/courses', headers: { 'content-type': 'application/xml' }, body: '<course/>' },
    expect: problem(415),
  },
  {
    name: 'body over the limit → 413', as: 'teacher',
    request: { method: 'POST', url: '/courses', headers: { 'content-type': 'application/json' }, body: `{"title":"${'x'.repeat(70 * 1024)}"}` },
    expect: problem(413),
  },

  // courses
  { name: 'students can list courses', as: 'student', request: { method: 'GET', url: '/courses' }, expect: { status: 200, body: [{ code: 'CS-201' }, { code: 'MATH-101', teacherId: 'tea-ada' }] } },
  { name: 'courses filter by teacher', as: 'student', request: { method: 'GET', url: '/courses?teacher=tea-ada' }, expect: { status: 200, body: [{ code: 'MATH-101' }] } },
  { name: 'read one course', as: 'student', request: { method: 'GET', url: '/courses/MATH-101' }, expect: { status: 200, body: { code: 'MATH-101', title: 'Analytical Engines', credits: 6, teacherId: 'tea-ada' } } },
  { name: 'unknown course → 404', as: 'student', request: { method: 'GET', url: '/courses/NOPE-999' }, expect: problem(404, { body: { detail: 'no course NOPE-999' } }) },
  { name: 'students cannot create courses → 403', as: 'student', request: { method: 'POST', url: '/courses', body: { code: 'PHYS-110', title: 'Optics', credits: 4 } }, expect: problem(403) },
  {
    name: 'a teacher creates a course they teach', as: 'teacher',
    request: { method: 'POST', url: '/courses', body: { code: 'PHYS-110', title: 'Optics', credits: 4 } },
    expect: { status: 201, headers: { location: '/courses/PHYS-110' }, body: { code: 'PHYS-110', title: 'Optics', credits: 4, teacherId: 'tea-ada' } },
  },
  { name: 'the same course again → 409', as: 'teacher', request: { method: 'POST', url: '/courses', body: { code: 'PHYS-110', title: 'Optics', credits: 4 } }, expect: problem(409) },
  { name: "changing another teacher's course → 403", as: 'teacher', request: { method: 'PATCH', url: '/courses/CS-201', body: { credits: 9 } }, expect: problem(403, { body: { detail: 'only the teacher of CS-201 may do this' } }) },
  { name: 'changing your own course', as: 'teacher', request: { method: 'PATCH', url: '/courses/PHYS-110', body: { credits: 5 } }, expect: { status: 200, body: { code: 'PHYS-110', title: 'Optics', credits: 5 } } },

  // students and teachers
  // Paths are matched as sent: an encoded dot segment is a segment like any other, never a way to another route.
  {
    name: 'an encoded dot segment is not resolved: /courses/%2e%2e/students is no route', as: 'teacher', request: { method: 'GET', url: '/courses/%2e%2e/students' }, expect: problem(404),
    platforms: {
      azure: { why: "@azure/functions' HttpRequest resolves dot segments before carve sees the URL, so this is GET /students", expect: { status: 200 } },
      fetch: { why: 'a Fetch API Request.url is a WHATWG URL, whose parser resolves %2e%2e before carve sees it, so this is GET /students', expect: { status: 200 } },
    },
  },
  { name: 'students cannot list students → 403', as: 'student', request: { method: 'GET', url: '/students' }, expect: problem(403, { body: { detail: 'requires one of the roles: teacher' } }) },
  { name: 'teachers list students', as: 'teacher', request: { method: 'GET', url: '/students' }, expect: { status: 200, body: [{ id: 'stu-grace' }, { id: 'stu-linus' }] } },
  { name: 'a student reads their own record', as: 'student', request: { method: 'GET', url: '/students/stu-grace' }, expect: { status: 200, body: { id: 'stu-grace', name: 'Grace Hopper', year: 2 } } },
  { name: "a student reading another's record → 403", as: 'otherStudent', request: { method: 'GET', url: '/students/stu-grace' }, expect: problem(403) },
  {
    name: 'a teacher registers a student', as: 'teacher',
    request: { method: 'POST', url: '/students', body: { id: 'stu-margaret', name: 'Margaret Hamilton', email: 'margaret@school.test', year: 1 } },
    expect: { status: 201, headers: { location: '/students/stu-margaret' }, body: { id: 'stu-margaret' } },
  },
  { name: 'list teachers', as: 'student', request: { method: 'GET', url: '/teachers' }, expect: { status: 200, body: [{ id: 'tea-ada' }, { id: 'tea-alan' }] } },
  { name: 'read a teacher', as: 'student', request: { method: 'GET', url: '/teachers/tea-alan' }, expect: { status: 200, body: { name: 'Alan Turing' } } },

  // grades
  {
    name: 'a student reads their own grades', as: 'student', request: { method: 'GET', url: '/students/stu-grace/grades' },
    expect: { status: 200, body: [{ id: 1, courseCode: 'MATH-101', score: 91, assessment: 'midterm' }, { id: 3, courseCode: 'CS-201', score: 88 }] },
  },
  { name: 'grades filter by course', as: 'student', request: { method: 'GET', url: '/students/stu-grace/grades?course=CS-201' }, expect: { status: 200, body: [{ id: 3 }] } },
  {
    name: "a student reading another student's grades → 403", as: 'otherStudent', request: { method: 'GET', url: '/students/stu-grace/grades' },
    expect: problem(403, { body: { detail: 'students can only read their own grades' } }),
  },
  { name: "a teacher reads a student's grades", as: 'teacher', request: { method: 'GET', url: '/students/stu-grace/grades' }, expect: { status: 200, body: [{ id: 1 }, { id: 3 }] } },
  {
    name: 'a teacher posts a grade', as: 'teacher',
    request: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-linus', assessment: 'final', score: 84 } },
    expect: {
      status: 201, headers: { location: '/grades/4' },
      body: { id: 4, courseCode: 'MATH-101', studentId: 'stu-linus', assessment: 'final', score: 84, comment: null, postedBy: 'tea-ada', postedAt: ISO_TIME },
    },
  },
  { name: 'the same assessment again → 409', as: 'teacher', request: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-linus', assessment: 'final', score: 80 } }, expect: problem(409) },
  { name: 'a grade for a student not enrolled → 422', as: 'otherTeacher', request: { method: 'POST', url: '/grades', body: { courseCode: 'CS-201', studentId: 'stu-linus', assessment: 'essay', score: 70 } }, expect: problem(422) },
  { name: "a grade in another teacher's course → 403", as: 'teacher', request: { method: 'POST', url: '/grades', body: { courseCode: 'CS-201', studentId: 'stu-grace', assessment: 'final', score: 70 } }, expect: problem(403) },
  { name: 'a score over 100 → 400', as: 'teacher', request: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-grace', assessment: 'final', score: 101 } }, expect: problem(400, { body: { errors: [{ path: 'body.score' }] } }) },
  { name: 'students cannot post grades → 403', as: 'student', request: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-grace', assessment: 'final', score: 100 } }, expect: problem(403) },
  { name: 'the graded student reads the grade', as: 'otherStudent', request: { method: 'GET', url: '/grades/4' }, expect: { status: 200, body: { id: 4, score: 84 } } },
  { name: "another student cannot read it → 403", as: 'student', request: { method: 'GET', url: '/grades/4' }, expect: problem(403) },
  { name: 'a teacher corrects a grade', as: 'teacher', request: { method: 'PATCH', url: '/grades/4', body: { score: 86, comment: 'regraded' } }, expect: { status: 200, body: { id: 4, score: 86, comment: 'regraded' } } },
  { name: 'the grade sheet of your course', as: 'teacher', request: { method: 'GET', url: '/courses/MATH-101/grades' }, expect: { status: 200, body: [{ studentId: 'stu-grace', score: 91 }, { studentId: 'stu-linus', score: 78 }, { studentId: 'stu-linus', score: 86 }] } },
  { name: "the grade sheet of another's course → 403", as: 'otherTeacher', request: { method: 'GET', url: '/courses/MATH-101/grades' }, expect: problem(403) },

  // enrolments
  { name: 'a student sees only their own enrolments', as: 'student', request: { method: 'GET', url: '/enrolments' }, expect: { status: 200, body: [{ courseCode: 'MATH-101', studentId: 'stu-grace' }, { courseCode: 'CS-201', studentId: 'stu-grace' }] } },
  { name: "a student asking for another's enrolments → 403", as: 'student', request: { method: 'GET', url: '/enrolments?student=stu-linus' }, expect: problem(403) },
  { name: 'a teacher filters enrolments by course', as: 'teacher', request: { method: 'GET', url: '/enrolments?course=MATH-101' }, expect: { status: 200, body: [{ id: 1 }, { id: 2 }] } },
  {
    name: 'a teacher enrols a student', as: 'teacher',
    request: { method: 'POST', url: '/enrolments', body: { courseCode: 'PHYS-110', studentId: 'stu-grace' } },
    expect: { status: 201, headers: { location: '/enrolments/4' }, body: { id: 4, courseCode: 'PHYS-110', studentId: 'stu-grace', enrolledAt: ISO_TIME } },
  },
  { name: 'enrolling twice → 409', as: 'teacher', request: { method: 'POST', url: '/enrolments', body: { courseCode: 'PHYS-110', studentId: 'stu-grace' } }, expect: problem(409) },
  { name: 'enrolling an unknown student → 422', as: 'teacher', request: { method: 'POST', url: '/enrolments', body: { courseCode: 'PHYS-110', studentId: 'stu-nobody' } }, expect: problem(422) },
  { name: 'withdrawing a student', as: 'teacher', request: { method: 'DELETE', url: '/enrolments/4' }, expect: { status: 204, empty: true } },
  { name: 'withdrawing again → 404', as: 'teacher', request: { method: 'DELETE', url: '/enrolments/4' }, expect: problem(404) },

  // deletes
  { name: 'deleting a grade', as: 'teacher', request: { method: 'DELETE', url: '/grades/4' }, expect: { status: 204, empty: true } },
  { name: 'a deleted grade is gone', as: 'teacher', request: { method: 'GET', url: '/grades/4' }, expect: problem(404) },
  { name: "deleting another teacher's course → 403", as: 'teacher', request: { method: 'DELETE', url: '/courses/CS-201' }, expect: problem(403) },
  { name: 'deleting your own course', as: 'teacher', request: { method: 'DELETE', url: '/courses/PHYS-110' }, expect: { status: 204, empty: true } },

  // CORS
  {
    name: 'a CORS preflight from an allowed origin',
    request: { method: 'OPTIONS', url: '/grades', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } },
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'authorization, content-type' },
    },
  },
  {
    name: 'a CORS preflight from another origin gets no grant',
    request: { method: 'OPTIONS', url: '/grades', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' } },
    expect: { status: 204, absentHeaders: ['access-control-allow-origin'] },
  },
  {
    name: 'errors carry CORS headers too, so browsers can read them',
    request: { method: 'GET', url: '/courses', headers: { origin: 'http://localhost:5173' } },
    expect: { ...problem(401), headers: { 'access-control-allow-origin': 'http://localhost:5173', 'access-control-expose-headers': 'location, x-request-id' } },
    platforms: { 'aws-jwt-authorizer': { why: "the JWT authorizer answers at the gateway: its 401's CORS headers are the gateway's CORS settings' doing, not carve's", expect: { status: 401 } } },
  },
];
