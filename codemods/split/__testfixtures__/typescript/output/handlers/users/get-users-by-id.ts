// Converted by carve split from src/app.ts:8 (GET /users/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.js';
import { Store } from '../../deps.js';

export const getUsersById = handler({ method: 'GET', path: '/users/{id}', resource: 'users', auth: 'public', params: z.object({ id: z.string() }), inject: { store: Store } }, async ({ params }, { store }) => {
  const user = store.users.find((u) => u.id === params.id);
  if (!user) return json({ error: 'not found' }, 404);
  return json(user);
});
