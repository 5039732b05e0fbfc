// Converted by carve split from src/app.ts:9 (POST /users).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors, json } from '../_express.js';
import { Store } from '../../deps.js';
import { requireClient } from '../_middleware/require-client.js';
import { errorHandlerAtLine12 } from '../_middleware/error-handler-at-line12.js';

export const postUsers = handler({ method: 'POST', path: '/users', resource: 'users', auth: 'public', body: z.any(), inject: { store: Store } }, async ({ body, request }, { store }) => expressErrors(async () => {
  let early = await requireClient({ request }, { store });
  if (early !== undefined) return early;
  if (typeof body?.name !== 'string') throw Object.assign(new Error('name is required'), { status: 422 });
  const user = { id: body.name.toLowerCase(), name: body.name };
  store.users.push(user);
  return json(user, 201);
}, (error) => errorHandlerAtLine12(error)));
