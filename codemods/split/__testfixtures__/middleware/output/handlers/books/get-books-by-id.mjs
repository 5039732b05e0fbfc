// Converted by carve split from app.js:10 (GET /books/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';
import { Books, Config } from '../../deps.mjs';
import { requireApiKey } from '../_middleware/require-api-key.mjs';

export const getBooksById = handler({ method: 'GET', path: '/books/{id}', resource: 'books', auth: 'public', params: z.object({ id: z.string() }), inject: { books: Books, config: Config } }, async ({ params, request }, { books, config }) => {
  let early = await requireApiKey({ request }, { config });
  if (early !== undefined) return early;
  const book = books.find((b) => b.id === params.id);
  if (!book) return json({ error: 'no such book' }, 404);
  return json(book);
});
