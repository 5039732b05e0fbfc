// Moved by carve split from app.js:17 (POST /reset/:token): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware loginLimiter cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { resetRoutes } from '../_compat/reset-routes.mjs';

export const postResetByToken = handler({ method: 'POST', path: '/reset/{token}', resource: 'reset', auth: 'public', graphql: false }, ({ request }) => resetRoutes(request));
