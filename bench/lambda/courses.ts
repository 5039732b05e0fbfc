// The data of the two routes, with no validation library: the bundles that measure going without one import only this.
export const COURSES: Record<string, { code: string; title: string; credits: number; teacherId: string }> = {
  'MATH-101': { code: 'MATH-101', title: 'Analytical Engines', credits: 6, teacherId: 'tea-ada' },
};
