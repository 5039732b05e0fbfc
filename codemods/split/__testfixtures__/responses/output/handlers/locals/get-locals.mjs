// Moved by carve split from app.js:30 (GET /locals): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: uses res.locals in a way carve split does not convert.
import { handler } from 'carve';
import { localsRoutes } from '../_compat/locals-routes.mjs';

export const getLocals = handler({ method: 'GET', path: '/locals', resource: 'locals', auth: 'public', graphql: false }, ({ request }) => localsRoutes(request));
