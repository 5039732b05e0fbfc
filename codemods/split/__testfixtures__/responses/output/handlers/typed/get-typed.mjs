// Moved by carve split from app.js:35 (GET /typed): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: uses res.type in a way carve split does not convert.
import { handler } from 'carve';
import { typedRoutes } from '../_compat/typed-routes.mjs';

export const getTyped = handler({ method: 'GET', path: '/typed', resource: 'typed', auth: 'public', graphql: false }, ({ request }) => typedRoutes(request));
