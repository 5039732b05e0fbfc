// Moved by carve split from src/routes/users.route.ts:12 (GET /users/:id): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: res.format.
import { handler } from 'carve';
import { userRouter } from '../_compat/user-router';

export const getUsersById = handler({ method: 'GET', path: '/users/{id}', resource: 'users', auth: 'public', graphql: false }, ({ request }) => userRouter(request));
