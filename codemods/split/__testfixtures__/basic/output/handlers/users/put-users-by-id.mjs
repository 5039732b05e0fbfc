// Converted by carve split from app.js:26 (PUT /users/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';

export const putUsersById = handler({ method: 'PUT', path: '/users/{id}', resource: 'users', auth: 'public', params: z.object({ id: z.string() }), body: z.any() }, async ({ params, query: queryInput, body: bodyInput }) => {
  const body = bodyInput;
  const query = Object.keys(queryInput);
  return json({ id: params.id, ...body, query });
});
