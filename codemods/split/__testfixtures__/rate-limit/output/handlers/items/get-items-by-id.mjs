// Converted by carve split from app.js:15 (GET /items/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';

export const getItemsById = handler({ method: 'GET', path: '/items/{id}', resource: 'items', auth: 'public', params: z.object({ id: z.string() }) }, async ({ params }) => {
  return json({ id: Number(params.id) });
});
