// Converted by carve split from src/app.ts:7 (GET /users).
import { handler } from 'carve';
import { json } from '../_express.js';
import { Store } from '../../deps.js';

export const getUsers = handler({ method: 'GET', path: '/users', resource: 'users', auth: 'public', inject: { store: Store } }, async ({ query }, { store }) => {
  return json(store.users.filter((u) => !query.name || u.name === query.name));
});
