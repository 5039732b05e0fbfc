// Converted by carve split from app.js:18 (GET /old-home).
import { handler } from 'carve';
import { expressResponse } from '../_express.mjs';

export const getOldHome = handler({ method: 'GET', path: '/old-home', resource: 'old-home', auth: 'public' }, async ({ request }) => {
  const res = expressResponse(request);
  return res.redirect(301, '/home');
});
