// Converted by carve split from app.js:14 (DELETE /sessions/current).
import { handler } from 'carve';
import { expressResponse } from '../_express.mjs';

export const deleteSessionsCurrent = handler({ method: 'DELETE', path: '/sessions/current', resource: 'sessions', auth: 'public' }, async ({ request }) => {
  const res = expressResponse(request);
  res.clearCookie('session');
  return res.sendStatus(204);
});
