// Moved by carve split from app.js:30 (GET /signed): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: sets a signed cookie, which needs cookie-parser's secret.
import { handler } from 'carve';
import { signedRoutes } from '../_compat/signed-routes.mjs';

export const getSigned = handler({ method: 'GET', path: '/signed', resource: 'signed', auth: 'public', graphql: false }, ({ request }) => signedRoutes(request));
