// Converted by carve split from app.js:14 (GET /users).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import db from "../../../input/db.js";

export const getUsers = handler({ method: 'GET', path: '/users', resource: 'users', auth: 'public' }, async ({ params, query, body, request }) => {
  const limit = Number(query.limit ?? 10);
  return json(db.users.slice(0, limit));
});
