// Converted by carve split from app.js:23 (POST /users).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';

export const postUsers = handler({ method: 'POST', path: '/users', resource: 'users', auth: 'public', body: z.any() }, async ({ body, request }) => {
  return json({ created: body, by: request.headers["x-client"] }, 201);
});
