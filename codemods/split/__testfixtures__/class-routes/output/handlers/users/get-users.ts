// Moved by carve split from src/routes/users.route.ts:9 (GET /users): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware cors({ origin: true, credentials: true }) cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { userRouter } from '../_compat/user-router';

export const getUsers = handler({ method: 'GET', path: '/users', resource: 'users', auth: 'public', graphql: false }, ({ request }) => userRouter(request));
