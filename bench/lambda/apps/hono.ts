import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { COURSES, NewCourse } from '../data.js';

const app = new Hono();
app.get('/courses/:code', (c) => c.json(COURSES[c.req.param('code')] ?? { title: 'Not Found' }));
app.post('/courses', async (c) => {
  const parsed = NewCourse.safeParse(await c.req.json());
  return parsed.success ? c.json({ ...parsed.data, teacherId: 'tea-ada' }, 201) : c.json({ errors: parsed.error.issues }, 400);
});
export const handler = handle(app);
