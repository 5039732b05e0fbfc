// Moved by carve split from app.js:16 (POST /login): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware loginLimiter cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { loginRoutes } from '../_compat/login-routes.mjs';

export const postLogin = handler({ method: 'POST', path: '/login', resource: 'login', auth: 'public', graphql: false }, ({ request }) => loginRoutes(request));
