// Converted by carve split from app.js:14 (GET /users).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Db } from '../../deps.mjs';

export const getUsers = handler({ method: 'GET', path: '/users', resource: 'users', auth: 'public', inject: { db: Db } }, async ({ query }, { db }) => {
  const limit = Number(query.limit ?? 10);
  return json(db.users.slice(0, limit));
});
