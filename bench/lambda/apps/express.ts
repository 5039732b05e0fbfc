import express from 'express';
import { COURSES, NewCourse } from '../data.js';

/** The same routes as an Express app, for the Express-emulating adapters. */
export function expressApp() {
  const app = express();
  app.disable('x-powered-by');
  app.get('/courses/:code', (req, res) => void res.json(COURSES[req.params.code] ?? { title: 'Not Found' }));
  app.post('/courses', express.json(), (req, res) => {
    const parsed = NewCourse.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ errors: parsed.error.issues });
    res.status(201).json({ ...parsed.data, teacherId: 'tea-ada' });
  });
  return app;
}
