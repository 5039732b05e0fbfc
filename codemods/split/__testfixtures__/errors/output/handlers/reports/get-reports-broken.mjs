// Moved by carve split from app.js:42 (GET /reports/broken): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: its error middleware <inline:47> reads req.originalUrl, which nothing in the chain sets.
import { handler } from 'carve';
import { reportsRouter } from '../_compat/reports-router.mjs';

export const getReportsBroken = handler({ method: 'GET', path: '/reports/broken', resource: 'reports', auth: 'public', graphql: false }, ({ request }) => reportsRouter(request));
