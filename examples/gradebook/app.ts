import { cors, createApp, type Registration } from 'carve';
import { gradebookAuth } from './auth.js';
import * as courses from './courses/index.js';
import * as enrolments from './enrolments/index.js';
import * as grades from './grades/index.js';
import * as students from './students/index.js';
import * as system from './system/index.js';
import * as teachers from './teachers/index.js';

export const handlers = [
  ...Object.values(system),
  ...Object.values(students),
  ...Object.values(teachers),
  ...Object.values(courses),
  ...Object.values(enrolments),
  ...Object.values(grades),
];

/** A gradebook app; tests pass providers to get a fresh database or a fixed clock. */
export function createGradebook(providers: Registration[] = []) {
  return createApp({
    name: 'gradebook',
    handlers,
    auth: gradebookAuth(),
    providers,
    bodyLimit: 64 * 1024,
    middleware: [cors({ origins: ['http://localhost:5173', 'http://127.0.0.1:5173'], credentials: true, exposeHeaders: ['location', 'x-request-id'] })],
    openapi: { title: 'Gradebook', version: '1.0.0', description: 'Teachers post grades; students read their own.' },
  });
}

export default createGradebook();
