import { Router } from '@aws-lambda-powertools/event-handler/http';
import { COURSES, NewCourse } from '../data.js';

const app = new Router();
app.get('/courses/:code', ({ params }) => COURSES[params['code']!] ?? { title: 'Not Found' });
app.post('/courses', async ({ req }) => {
  const parsed = NewCourse.safeParse(await req.json());
  const json = { 'content-type': 'application/json' };
  return parsed.success
    ? { statusCode: 201, headers: json, body: JSON.stringify({ ...parsed.data, teacherId: 'tea-ada' }) }
    : { statusCode: 400, headers: json, body: JSON.stringify({ errors: parsed.error.issues }) };
});
export const handler = (event: unknown, context: unknown) => app.resolve(event as never, context as never);
