// Moved by carve split from app.js:32 (GET /report): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: res.sendFile.
import { handler } from 'carve';
import { reportRoutes } from '../_compat/report-routes.mjs';

export const getReport = handler({ method: 'GET', path: '/report', resource: 'report', auth: 'public', graphql: false }, ({ request }) => reportRoutes(request));
