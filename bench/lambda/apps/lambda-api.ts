import lambdaApi, { type Request, type Response } from 'lambda-api';

// Its types declare `export default createAPI`, which nodenext reads as `.default` of the CommonJS module; the
// module itself is `module.exports = createAPI` with no `.default`, so the import is the function.
const createApi = lambdaApi as unknown as typeof lambdaApi.default;
import { COURSES, NewCourse } from '../data.js';

const api = createApi({ logger: false });
api.get('/courses/:code', (req: Request) => COURSES[req.params['code']!] ?? { title: 'Not Found' });
api.post('/courses', (req: Request, res: Response) => {
  const parsed = NewCourse.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ errors: parsed.error.issues });
  return res.status(201).json({ ...parsed.data, teacherId: 'tea-ada' });
});
export const handler = (event: unknown, context: unknown) => api.run(event as never, context as never);
