import { rawHandler } from '../raw-handler.js';

// The floor without a validation library: the create checks its body by hand.
export const handler = rawHandler((input) => {
  const body = input as { code?: unknown; title?: unknown; credits?: unknown } | null;
  const valid = !!body && typeof body.code === 'string' && /^[A-Z]+-\d+$/.test(body.code) && typeof body.title === 'string' && body.title !== ''
    && Number.isInteger(body.credits) && (body.credits as number) >= 1;
  return valid ? { course: body } : { errors: ['the course is not valid'] };
});
