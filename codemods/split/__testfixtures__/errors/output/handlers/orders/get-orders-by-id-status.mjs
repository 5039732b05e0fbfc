// Moved by carve split from app.js:29 (GET /orders/:id/status): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: responds from inside a callback or an expression.
import { handler } from 'carve';
import { ordersRoutes } from '../_compat/orders-routes.mjs';

export const getOrdersByIdStatus = handler({ method: 'GET', path: '/orders/{id}/status', resource: 'orders', auth: 'public', graphql: false }, ({ request }) => ordersRoutes(request));
