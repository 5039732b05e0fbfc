// Converted by carve split from app.js:20 (GET /report.csv).
import { handler } from 'carve';
import { expressResponse } from '../_express.mjs';

export const getReportCsv = handler({ method: 'GET', path: '/report.csv', resource: 'report-csv', auth: 'public' }, async ({ request }) => {
  const res = expressResponse(request);
  res.set({ 'Content-Type': 'text/csv', 'Cache-Control': 'no-store' });
  res.append('Link', '</report.json>; rel="alternate"');
  res.status(202);
  return res.send('a,b\n1,2\n');
});
