// Converted by carve split from app.js:15 (POST /books).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors, json } from '../_express.mjs';
import { Config } from '../../deps.mjs';
import { requireApiKey } from '../_middleware/require-api-key.mjs';
import { checkPage } from '../_middleware/check-page.mjs';

export const postBooks = handler({ method: 'POST', path: '/books', resource: 'books', auth: 'public', body: z.any(), inject: { config: Config } }, async ({ query, body, request }, { config }) => expressErrors(async () => {
  let early = await requireApiKey({ request }, { config });
  if (early !== undefined) return early;
  early = await checkPage({ query }, { config });
  if (early !== undefined) return early;
  return json({ created: body.title }, 201);
}));
