import { createApp, handler as route, token } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import * as z from 'carve/zod/mini';
import { COURSES } from '../courses.js';

// One nanoservice unit as `carve build` makes it: one route, a zod/mini params schema, its data through DI.
const Courses = token('Courses', { factory: () => COURSES });
const getCourse = route({ method: 'GET', path: '/courses/{code}', auth: 'public', params: z.object({ code: z.string() }), inject: { courses: Courses } },
  ({ params }, { courses }) => courses[params.code] ?? { title: 'Not Found' });

const app = createApp({ handlers: [getCourse], logger: { level: 'silent', sink: () => undefined } });
export const handler = toLambdaHandler(app.select([getCourse.id], { openapi: false }));
