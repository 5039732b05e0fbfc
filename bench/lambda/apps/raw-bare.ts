import { COURSES } from '../courses.js';

// The floor without a validation library: the create checks its body by hand.
export async function handler(event: { rawPath: string; body?: string; requestContext: { http: { method: string } } }) {
  const json = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (event.requestContext.http.method === 'GET' && event.rawPath.startsWith('/courses/')) {
    const course = COURSES[event.rawPath.slice('/courses/'.length)];
    return course ? json(200, course) : json(404, { title: 'Not Found' });
  }
  if (event.requestContext.http.method === 'POST' && event.rawPath === '/courses') {
    const body = JSON.parse(event.body ?? 'null') as { code?: unknown; title?: unknown; credits?: unknown } | null;
    const valid = !!body && typeof body.code === 'string' && /^[A-Z]+-\d+$/.test(body.code) && typeof body.title === 'string' && body.title !== ''
      && Number.isInteger(body.credits) && (body.credits as number) >= 1;
    return valid ? json(201, { ...body, teacherId: 'tea-ada' }) : json(400, { title: 'Bad Request' });
  }
  return json(404, { title: 'Not Found' });
}
