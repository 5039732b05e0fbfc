import { NewCourse } from '../data.js';
import { rawHandler } from '../raw-handler.js';

// The floor with classic zod.
export const handler = rawHandler((body) => {
  const parsed = NewCourse.safeParse(body);
  return parsed.success ? { course: parsed.data } : { errors: parsed.error.issues };
});
