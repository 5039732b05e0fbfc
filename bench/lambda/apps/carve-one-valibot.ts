import { createApp, handler as route, token } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import * as v from 'valibot';
import { COURSES } from '../courses.js';

// The one-route unit of carve-one.ts with its params schema in valibot: schemas are plain objects, cheap to build.
const Courses = token('Courses', { factory: () => COURSES });
const getCourse = route({ method: 'GET', path: '/courses/{code}', auth: 'public', params: v.object({ code: v.string() }), inject: { courses: Courses } },
  ({ params }, { courses }) => courses[params.code] ?? { title: 'Not Found' });

const app = createApp({ handlers: [getCourse], logger: { level: 'silent', sink: () => undefined } });
export const handler = toLambdaHandler(app.select([getCourse.id], { openapi: false }));
