// Converted by carve split from src/app.ts:8 (POST /users).
import { handler, z } from 'carve';
import { expressErrors, json } from '../_express.js';
import { Store } from '../../deps.js';

export const postUsers = handler({ method: 'POST', path: '/users', resource: 'users', auth: 'public', body: z.any(), inject: { store: Store } }, async ({ body }, { store }) => expressErrors(async () => {
  if (typeof body?.name !== 'string') throw Object.assign(new Error('name is required'), { status: 422 });
  const user = { id: body.name.toLowerCase(), name: body.name };
  store.users.push(user);
  return json(user, 201);
}));
