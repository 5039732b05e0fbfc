// Moved by carve split from config/routes.js:19 (GET /items/:id): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware sessions.middleware() cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { itemsRoutes } from '../_compat/items-routes.mjs';

export const getItemsById = handler({ method: 'GET', path: '/items/{id}', resource: 'items', auth: 'public', graphql: false }, ({ request }) => itemsRoutes(request));
