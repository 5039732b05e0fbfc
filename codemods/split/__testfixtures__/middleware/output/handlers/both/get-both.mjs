// Moved by carve split from app.js:19 (GET /both): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: uses both req.user and res.locals.user, which would be one in the converted code.
import { handler } from 'carve';
import { bothRoutes } from '../_compat/both-routes.mjs';

export const getBoth = handler({ method: 'GET', path: '/both', resource: 'both', auth: 'public', graphql: false }, ({ request }) => bothRoutes(request));
