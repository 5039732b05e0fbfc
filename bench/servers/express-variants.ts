// One server per child process, so the load generator never shares a core's event loop with it.
// Usage: tsx bench/servers/express-variants.ts <bare|carve|carve-logged>; prints "listening <port>".
import { createApp, handler } from 'carve';
import { z } from 'carve/zod';
import { serve } from 'carve/express';
import express from 'express';
import type { AddressInfo } from 'node:net';

const variant = process.argv[2];
const courses = new Map([['MATH-101', { code: 'MATH-101', title: 'Analytical Engines', credits: 6, teacherId: 'tea-ada' }]]);
const NewCourse = z.object({ code: z.string().regex(/^[A-Z]+-\d+$/), title: z.string().min(1), credits: z.number().int().min(1) });

if (variant === 'bare') {
  const web = express();
  web.disable('x-powered-by');
  web.get('/courses/:code', (req, res) => {
    const course = courses.get(req.params.code);
    if (!course) return void res.status(404).json({ title: 'Not Found' });
    res.json(course);
  });
  web.post('/courses', express.json(), (req, res) => {
    const parsed = NewCourse.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ errors: parsed.error.issues });
    res.status(201).json({ ...parsed.data, teacherId: 'tea-ada' });
  });
  const server = web.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
} else {
  const getCourse = handler({ method: 'GET', path: '/courses/{code}', auth: 'public', params: z.object({ code: z.string() }) },
    ({ params }) => courses.get(params.code) ?? { title: 'Not Found' });
  const createCourse = handler({ method: 'POST', path: '/courses', auth: 'public', status: 201, body: NewCourse },
    ({ body }) => ({ ...body, teacherId: 'tea-ada' }));
  const app = createApp({
    handlers: [getCourse, createCourse],
    logger: variant === 'carve-logged' ? { level: 'info', sink: () => undefined } : { level: 'silent' },
  });
  const server = await serve(app, { port: 0 });
  console.log(`listening ${server.port}`);
}
