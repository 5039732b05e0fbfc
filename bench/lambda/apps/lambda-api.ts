import lambdaApi, { type Request, type Response } from 'lambda-api';

// CommonJS with a typed default export: the function itself is module.exports, also as .default.
const createApi = lambdaApi.default;
import { COURSES, NewCourse } from '../data.js';

const api = createApi({ logger: false });
api.get('/courses/:code', (req: Request) => COURSES[req.params['code']!] ?? { title: 'Not Found' });
api.post('/courses', (req: Request, res: Response) => {
  const parsed = NewCourse.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ errors: parsed.error.issues });
  return res.status(201).json({ ...parsed.data, teacherId: 'tea-ada' });
});
export const handler = (event: unknown, context: unknown) => api.run(event as never, context as never);
