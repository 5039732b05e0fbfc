// Moved by carve split from routes/health.js:3 (GET /health): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware <inline:13> runs only when process.env.NODE_ENV !== 'production'.
import { handler } from 'carve';
import { healthRouter } from '../_compat/health-router.mjs';

export const getHealth = handler({ method: 'GET', path: '/health', resource: 'health', auth: 'public', graphql: false }, ({ request }) => healthRouter(request));
