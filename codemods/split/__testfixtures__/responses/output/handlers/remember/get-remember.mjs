// Converted by carve split from app.js:26 (GET /remember).
import { handler } from 'carve';
import { expressResponse } from '../_express.mjs';

export const getRemember = handler({ method: 'GET', path: '/remember', resource: 'remember', auth: 'public' }, async ({ request }) => {
  const res = expressResponse(request);
  return res.cookie('seen', '1', { maxAge: 60000 }).send('ok');
});
