// Moved by carve split from config/routes.js:23 (GET /hello.txt): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: res.sendFile.
import { handler } from 'carve';
import { helloTxtRoutes } from '../_compat/hello-txt-routes.mjs';

export const getHelloTxt = handler({ method: 'GET', path: '/hello.txt', resource: 'hello-txt', auth: 'public', graphql: false }, ({ request }) => helloTxtRoutes(request));
