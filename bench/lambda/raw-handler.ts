import { COURSES } from './courses.js';

type Event = { rawPath: string; body?: string; requestContext: { http: { method: string } } };
/** A create's body checked: the course to answer 201 with, or the errors to answer 400 with. */
export type CheckCourse = (body: unknown) => { course: object } | { errors: unknown };

// The floor: a hand-written handler doing only the routes' own work, the body checked by the library each row names.
export function rawHandler(check: CheckCourse) {
  return async function handler(event: Event) {
    const json = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (event.requestContext.http.method === 'GET' && event.rawPath.startsWith('/courses/')) {
      const course = COURSES[event.rawPath.slice('/courses/'.length)];
      return course ? json(200, course) : json(404, { title: 'Not Found' });
    }
    if (event.requestContext.http.method === 'POST' && event.rawPath === '/courses') {
      const checked = check(JSON.parse(event.body ?? 'null'));
      return 'course' in checked ? json(201, { ...checked.course, teacherId: 'tea-ada' }) : json(400, { errors: checked.errors });
    }
    return json(404, { title: 'Not Found' });
  };
}
