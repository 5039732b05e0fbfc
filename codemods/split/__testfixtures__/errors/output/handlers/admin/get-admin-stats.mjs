// Converted by carve split from app.js:36 (GET /admin/stats).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Orders } from '../../deps.mjs';

export const getAdminStats = handler({ method: 'GET', path: '/admin/stats', resource: 'admin', auth: 'public', inject: { orders: Orders } }, async (_input, { orders }) => {
  return json({ orders: orders.count() });
});
