import { z } from 'zod';

// The same two routes in every framework: a lookup and a validated JSON create.
export { COURSES } from './courses.js';
export const NewCourse = z.object({ code: z.string().regex(/^[A-Z]+-\d+$/), title: z.string().min(1), credits: z.number().int().min(1) });
