// Moved by carve split from app.js:28 (GET /admin/stats): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware <inline:24> cannot come along: writes to the response without answering, which carve split does not carry into the handler.
import { handler } from 'carve';
import { adminRouter } from '../_compat/admin-router.mjs';

export const getAdminStats = handler({ method: 'GET', path: '/admin/stats', resource: 'admin', auth: 'public', graphql: false }, ({ request }) => adminRouter(request));
