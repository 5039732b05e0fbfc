// Converted by carve split from app.js:46 (GET /reports/fine).
import { handler } from 'carve';
import { json } from '../_express.mjs';

export const getReportsFine = handler({ method: 'GET', path: '/reports/fine', resource: 'reports', auth: 'public' }, async () => {
  return json({ ok: true });
});
