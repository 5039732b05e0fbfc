import { BadRequest, createApp, handler as route } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import { COURSES } from '../courses.js';

// carve with no schema at all: the create checks its body by hand, as raw-bare does.
const getCourse = route({ method: 'GET', path: '/courses/{code}', auth: 'public' }, ({ params }) => COURSES[params['code']!] ?? { title: 'Not Found' });
const createCourse = route({ method: 'POST', path: '/courses', auth: 'public', status: 201 }, ({ request }) => {
  const body = JSON.parse(request.text || 'null') as { code?: unknown; title?: unknown; credits?: unknown } | null;
  const valid = !!body && typeof body.code === 'string' && /^[A-Z]+-\d+$/.test(body.code) && typeof body.title === 'string' && body.title !== ''
    && Number.isInteger(body.credits) && (body.credits as number) >= 1;
  if (!valid) throw new BadRequest('the course is not valid');
  return { ...body, teacherId: 'tea-ada' };
});

export const handler = toLambdaHandler(createApp({ handlers: [getCourse, createCourse], logger: { level: 'silent', sink: () => undefined } }));
