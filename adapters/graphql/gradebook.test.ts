import { beforeAll, describe, expect, it } from 'vitest';
import { freshGradebook } from '../../test/contract/fresh-gradebook.js';
import { gradebookCredentials } from '../../test/contract/credentials.js';
import type { Caller } from '../../test/contract/cases/gradebook.js';
import { withGraphQL } from './server.js';

// The gradebook's behaviours as GraphQL operations next to the REST calls: same data, same decisions.
const pairs: { name: string; as?: Caller; rest: { method: string; url: string; body?: unknown }; gql: string; field: string; code?: string }[] = [
  { name: 'list courses', as: 'student', rest: { method: 'GET', url: '/courses' }, gql: '{ f: getCourses { code title credits teacherId } }', field: 'f' },
  { name: 'courses by teacher', as: 'student', rest: { method: 'GET', url: '/courses?teacher=tea-ada' }, gql: '{ f: getCourses(teacher: "tea-ada") { code title credits teacherId } }', field: 'f' },
  { name: 'own grades', as: 'student', rest: { method: 'GET', url: '/students/stu-grace/grades' }, gql: '{ f: getStudentsByStudentIdGrades(studentId: "stu-grace") { id courseCode studentId assessment score comment postedBy postedAt } }', field: 'f' },
  { name: "another student's grades", as: 'otherStudent', rest: { method: 'GET', url: '/students/stu-grace/grades' }, gql: '{ f: getStudentsByStudentIdGrades(studentId: "stu-grace") { id } }', field: 'f', code: 'FORBIDDEN' },
  { name: 'no token', rest: { method: 'GET', url: '/courses' }, gql: '{ f: getCourses { code } }', field: 'f', code: 'UNAUTHENTICATED' },
  { name: 'expired token', as: 'expired', rest: { method: 'GET', url: '/me' }, gql: '{ f: getMe { sub } }', field: 'f', code: 'UNAUTHENTICATED' },
  { name: 'wrong role', as: 'student', rest: { method: 'GET', url: '/students' }, gql: '{ f: getStudents { id } }', field: 'f', code: 'FORBIDDEN' },
  { name: 'unknown course', as: 'student', rest: { method: 'GET', url: '/courses/NOPE-999' }, gql: '{ f: getCoursesByCourseCode(courseCode: "NOPE-999") { code } }', field: 'f', code: 'NOT_FOUND' },
  { name: 'bad course code', as: 'student', rest: { method: 'GET', url: '/courses/math' }, gql: '{ f: getCoursesByCourseCode(courseCode: "math") { code } }', field: 'f', code: 'BAD_USER_INPUT' },
  { name: 'students cannot post grades', as: 'student', rest: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-grace', assessment: 'x', score: 1 } },
    gql: 'mutation { f: postGrades(input: { courseCode: "MATH-101", studentId: "stu-grace", assessment: "x", score: 1 }) { id } }', field: 'f', code: 'FORBIDDEN' },
  { name: "a grade in another teacher's course", as: 'teacher', rest: { method: 'POST', url: '/grades', body: { courseCode: 'CS-201', studentId: 'stu-grace', assessment: 'x', score: 1 } },
    gql: 'mutation { f: postGrades(input: { courseCode: "CS-201", studentId: "stu-grace", assessment: "x", score: 1 }) { id } }', field: 'f', code: 'FORBIDDEN' },
  { name: 'a score over 100', as: 'teacher', rest: { method: 'POST', url: '/grades', body: { courseCode: 'MATH-101', studentId: 'stu-grace', assessment: 'x', score: 101 } },
    gql: 'mutation { f: postGrades(input: { courseCode: "MATH-101", studentId: "stu-grace", assessment: "x", score: 101 }) { id } }', field: 'f', code: 'BAD_USER_INPUT' },
];
const CODE_OF: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('gradebook: GraphQL gives the same data and the same decisions as REST', () => {
  let credentials: Record<Caller, Record<string, string>>;
  beforeAll(async () => void (credentials = await gradebookCredentials()));
  const app = withGraphQL(freshGradebook());

  for (const pair of pairs) {
    it(pair.name, async () => {
      const headers = pair.as ? credentials[pair.as] : {};
      const rest = await app.inject({ ...pair.rest, headers });
      const gql = await app.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, body: { query: pair.gql } });
      const body = gql.body as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
      if (pair.code) {
        expect(CODE_OF[rest.status]).toBe(pair.code);
        expect(body.errors?.[0]?.extensions.code).toBe(pair.code);
        expect(body.data?.[pair.field] ?? null).toBeNull();
      } else {
        expect(rest.status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data![pair.field]).toEqual(rest.body);
      }
    });
  }
});

describe('gradebook: REST and GraphQL are one app, one container', () => {
  it('a grade posted over REST is read over GraphQL, and the reverse', async () => {
    const credentials = await gradebookCredentials();
    const app = withGraphQL(freshGradebook());
    const teacher = { ...credentials.teacher, 'content-type': 'application/json' };
    const posted = await app.inject({ method: 'POST', url: '/grades', headers: teacher, body: { courseCode: 'MATH-101', studentId: 'stu-grace', assessment: 'over REST', score: 71 } });
    expect(posted.status).toBe(201);
    const mutation = 'mutation { f: postGrades(input: { courseCode: "MATH-101", studentId: "stu-grace", assessment: "over GraphQL", score: 72 }) { id } }';
    const viaGql = await app.inject({ method: 'POST', url: '/graphql', headers: teacher, body: { query: mutation } });
    expect((viaGql.body as { errors?: unknown }).errors).toBeUndefined();
    const student = credentials.student;
    const rest = await app.inject({ method: 'GET', url: '/students/stu-grace/grades', headers: student });
    const gql = await app.inject({ method: 'POST', url: '/graphql', headers: { ...student, 'content-type': 'application/json' }, body: { query: '{ f: getStudentsByStudentIdGrades(studentId: "stu-grace") { assessment } }' } });
    const assessments = (rest.body as { assessment: string }[]).map((g) => g.assessment);
    expect(assessments).toEqual(expect.arrayContaining(['over REST', 'over GraphQL']));
    expect((gql.body as { data: { f: { assessment: string }[] } }).data.f.map((g) => g.assessment)).toEqual(assessments);
  });
});
