// Moved by carve split from app.js:35 (GET /shout): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: uses shout, defined beside the routes in app.js; move it to a module of its own.
import { handler } from 'carve';
import { shoutRoutes } from '../_compat/shout-routes.mjs';

export const getShout = handler({ method: 'GET', path: '/shout', resource: 'shout', auth: 'public', graphql: false }, ({ request }) => shoutRoutes(request));
