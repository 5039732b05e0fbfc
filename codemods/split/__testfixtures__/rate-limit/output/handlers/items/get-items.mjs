// Converted by carve split from app.js:14 (GET /items).
import { handler } from 'carve';
import { json } from '../_express.mjs';

export const getItems = handler({ method: 'GET', path: '/items', resource: 'items', auth: 'public' }, async () => {
  return json([{ id: 1 }]);
});
