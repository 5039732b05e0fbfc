// Moved by carve split from routes/api.js:6 (GET /api/ping): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: implicit dependency req.session.
import { handler } from 'carve';
import { routesApiRouter } from '../_compat/routes-api-router.mjs';

export const getApiPing = handler({ method: 'GET', path: '/api/ping', resource: 'ping', auth: 'public', graphql: false }, ({ request }) => routesApiRouter(request));
