// Moved by carve split from config/routes.js:13 (GET /hello/:name): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware sessions.middleware() cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { helloRoutes } from '../_compat/hello-routes.mjs';

export const getHelloByName = handler({ method: 'GET', path: '/hello/{name}', resource: 'hello', auth: 'public', graphql: false }, ({ request }) => helloRoutes(request));
