// Converted by carve split from app.js:24 (DELETE /users/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { sendStatus } from '../_express.mjs';

export const deleteUsersById = handler({ method: 'DELETE', path: '/users/{id}', resource: 'users', auth: 'public', params: z.object({ id: z.string() }) }, async () => {
  return sendStatus(204);
});
