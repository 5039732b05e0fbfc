// Converted by carve split from app.js:18 (GET /users/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';
import { Db } from '../../deps.mjs';

export const getUsersById = handler({ method: 'GET', path: '/users/{id}', resource: 'users', auth: 'public', params: z.object({ id: z.string() }), inject: { db: Db } }, async ({ params }, { db }) => {
  const user = db.find(params.id);
  if (!user) return json({ error: `no user ${params.id}` }, 404);
  return json(user);
});
