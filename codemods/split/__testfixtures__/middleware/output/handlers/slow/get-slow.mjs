// Moved by carve split from app.js:20 (GET /slow): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware <inline:20> cannot come along: runs code after next(), which carve split does not reorder.
import { handler } from 'carve';
import { slowRoutes } from '../_compat/slow-routes.mjs';

export const getSlow = handler({ method: 'GET', path: '/slow', resource: 'slow', auth: 'public', graphql: false }, ({ request }) => slowRoutes(request));
