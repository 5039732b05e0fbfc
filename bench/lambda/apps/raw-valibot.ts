import * as v from 'valibot';
import { rawHandler } from '../raw-handler.js';

// The floor with valibot: the same schema as data.ts.
const NewCourse = v.object({ code: v.pipe(v.string(), v.regex(/^[A-Z]+-\d+$/)), title: v.pipe(v.string(), v.minLength(1)), credits: v.pipe(v.number(), v.integer(), v.minValue(1)) });

export const handler = rawHandler((body) => {
  const parsed = v.safeParse(NewCourse, body);
  return parsed.success ? { course: parsed.output } : { errors: parsed.issues };
});
