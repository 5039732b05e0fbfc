import lambdaApi, { type Request, type Response } from 'lambda-api';
import { COURSES } from '../courses.js';

// lambda-api with no validation library: the create checks its body by hand, as raw-bare does.
const createApi = lambdaApi as unknown as typeof lambdaApi.default;
const api = createApi({ logger: false });
api.get('/courses/:code', (req: Request) => COURSES[req.params['code']!] ?? { title: 'Not Found' });
api.post('/courses', (req: Request, res: Response) => {
  const body = req.body as { code?: unknown; title?: unknown; credits?: unknown } | null;
  const valid = !!body && typeof body.code === 'string' && /^[A-Z]+-\d+$/.test(body.code) && typeof body.title === 'string' && body.title !== ''
    && Number.isInteger(body.credits) && (body.credits as number) >= 1;
  if (!valid) return res.status(400).json({ errors: ['the course is not valid'] });
  return res.status(201).json({ ...body, teacherId: 'tea-ada' });
});
export const handler = (event: unknown, context: unknown) => api.run(event as never, context as never);
