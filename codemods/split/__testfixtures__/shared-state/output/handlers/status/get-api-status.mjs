// Moved by carve split from app.js:16 (GET /api/status): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware rateLimit({ windowMs: 60_000, limit: 100, store: new Redi... cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { statusRoutes } from '../_compat/status-routes.mjs';

export const getApiStatus = handler({ method: 'GET', path: '/api/status', resource: 'status', auth: 'public', graphql: false }, ({ request }) => statusRoutes(request));
