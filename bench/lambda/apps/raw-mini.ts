import * as z from 'zod/mini';
import { rawHandler } from '../raw-handler.js';

// The floor with zod/mini: the same schema as data.ts, tree-shakable.
const NewCourse = z.object({ code: z.string().check(z.regex(/^[A-Z]+-\d+$/)), title: z.string().check(z.minLength(1)), credits: z.number().check(z.int(), z.minimum(1)) });

export const handler = rawHandler((body) => {
  const parsed = NewCourse.safeParse(body);
  return parsed.success ? { course: parsed.data } : { errors: parsed.error.issues };
});
