import { createApp, handler as route } from 'carve';
import { z } from 'carve/zod';
import { toLambdaHandler } from 'carve/aws';
import { COURSES, NewCourse } from '../data.js';

const getCourse = route({ method: 'GET', path: '/courses/{code}', auth: 'public', params: z.object({ code: z.string() }) },
  ({ params }) => COURSES[params.code] ?? { title: 'Not Found' });
const createCourse = route({ method: 'POST', path: '/courses', auth: 'public', status: 201, body: NewCourse },
  ({ body }) => ({ ...body, teacherId: 'tea-ada' }));

/** `accessLog` turns carve's one-line-per-request JSON log on (written to a no-op sink). */
export const createHandler = (accessLog = false) =>
  toLambdaHandler(createApp({ handlers: [getCourse, createCourse], logger: { level: accessLog ? 'info' : 'silent', sink: () => undefined } }));

export const handler = createHandler();
