import { createApp, handler as route } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import * as z from 'carve/zod/mini';
import { COURSES } from '../courses.js';

// The two routes with zod/mini schemas (the same checks as data.ts), as raw-mini has them.
const NewCourse = z.object({ code: z.string().check(z.regex(/^[A-Z]+-\d+$/)), title: z.string().check(z.minLength(1)), credits: z.number().check(z.int(), z.minimum(1)) });
const getCourse = route({ method: 'GET', path: '/courses/{code}', auth: 'public', params: z.object({ code: z.string() }) },
  ({ params }) => COURSES[params.code] ?? { title: 'Not Found' });
const createCourse = route({ method: 'POST', path: '/courses', auth: 'public', status: 201, body: NewCourse },
  ({ body }) => ({ ...body, teacherId: 'tea-ada' }));

export const handler = toLambdaHandler(createApp({ handlers: [getCourse, createCourse], logger: { level: 'silent', sink: () => undefined } }));
