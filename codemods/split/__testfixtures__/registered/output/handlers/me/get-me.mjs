// Moved by carve split from config/routes.js:25 (GET /me): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: implicit dependency req.session.
import { handler } from 'carve';
import { meRoutes } from '../_compat/me-routes.mjs';

export const getMe = handler({ method: 'GET', path: '/me', resource: 'me', auth: 'public', graphql: false }, ({ request }) => meRoutes(request));
