// Converted by carve split from app.js:19 (GET /search).
import { handler } from 'carve';
import { expressResponse } from '../_express.mjs';

export const getSearch = handler({ method: 'GET', path: '/search', resource: 'search', auth: 'public' }, async ({ query, request }) => {
  const res = expressResponse(request);
  return res.redirect(`/find?q=${encodeURIComponent(String(query.q))}&from=old`);
});
