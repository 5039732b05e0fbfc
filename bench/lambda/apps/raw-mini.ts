import * as z from 'zod/mini';
import { COURSES } from '../courses.js';

// The floor with zod/mini: the same schema as data.ts, tree-shakable.
const NewCourse = z.object({ code: z.string().check(z.regex(/^[A-Z]+-\d+$/)), title: z.string().check(z.minLength(1)), credits: z.number().check(z.int(), z.minimum(1)) });

export async function handler(event: { rawPath: string; body?: string; requestContext: { http: { method: string } } }) {
  const json = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (event.requestContext.http.method === 'GET' && event.rawPath.startsWith('/courses/')) {
    const course = COURSES[event.rawPath.slice('/courses/'.length)];
    return course ? json(200, course) : json(404, { title: 'Not Found' });
  }
  if (event.requestContext.http.method === 'POST' && event.rawPath === '/courses') {
    const parsed = NewCourse.safeParse(JSON.parse(event.body ?? 'null'));
    return parsed.success ? json(201, { ...parsed.data, teacherId: 'tea-ada' }) : json(400, { errors: parsed.error.issues });
  }
  return json(404, { title: 'Not Found' });
}
