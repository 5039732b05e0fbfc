// Converted by carve split from src/routes/users.route.ts:9 (GET /users).
import { handler } from 'carve';
import { json } from '../_express';

export const getUsers = handler({ method: 'GET', path: '/users', resource: 'users', auth: 'public' }, async () => {
      return json([{ id: 1 }]);
    });
