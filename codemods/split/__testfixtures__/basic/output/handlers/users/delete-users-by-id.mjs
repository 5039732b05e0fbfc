// Converted by carve split from app.js:24 (DELETE /users/:id).
import { handler } from 'carve';
import { sendStatus } from '../_express.mjs';

export const deleteUsersById = handler({ method: 'DELETE', path: '/users/{id}', resource: 'users', auth: 'public' }, async () => {
  return sendStatus(204);
});
