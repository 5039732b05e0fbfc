import { z } from 'zod';

// The same two routes in every framework: a lookup and a validated JSON create.
export const COURSES: Record<string, { code: string; title: string; credits: number; teacherId: string }> = {
  'MATH-101': { code: 'MATH-101', title: 'Analytical Engines', credits: 6, teacherId: 'tea-ada' },
};
export const NewCourse = z.object({ code: z.string().regex(/^[A-Z]+-\d+$/), title: z.string().min(1), credits: z.number().int().min(1) });
