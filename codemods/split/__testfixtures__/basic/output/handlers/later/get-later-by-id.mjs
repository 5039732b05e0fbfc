// Moved by carve split from app.js:36 (GET /later/:id): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: responds from inside a callback or an expression.
import { handler } from 'carve';
import { laterRoutes } from '../_compat/later-routes.mjs';

export const getLaterById = handler({ method: 'GET', path: '/later/{id}', resource: 'later', auth: 'public', graphql: false }, ({ request }) => laterRoutes(request));
