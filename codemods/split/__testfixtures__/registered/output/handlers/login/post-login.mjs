// Moved by carve split from config/routes.js:8 (POST /login): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: implicit dependency req.session.
import { handler } from 'carve';
import { loginRoutes } from '../_compat/login-routes.mjs';

export const postLogin = handler({ method: 'POST', path: '/login', resource: 'login', auth: 'public', graphql: false }, ({ request }) => loginRoutes(request));
