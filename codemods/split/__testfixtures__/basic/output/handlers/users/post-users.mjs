// Converted by carve split from app.js:23 (POST /users).
import { handler, z } from 'carve';
import { json } from '../_express.mjs';

export const postUsers = handler({ method: 'POST', path: '/users', resource: 'users', auth: 'public', body: z.any() }, async ({ body, request }) => {
  return json({ created: body, by: request.headers["x-client"] }, 201);
});
