// Converted by carve split from app.js:9 (GET /books).
import { handler } from 'carve';
import { expressErrors, json } from '../_express.mjs';
import { Books, Config } from '../../deps.mjs';
import { checkPage } from '../_middleware/check-page.mjs';

export const getBooks = handler({ method: 'GET', path: '/books', resource: 'books', auth: 'public', inject: { books: Books, config: Config } }, async ({ query }, { books, config }) => expressErrors(async () => {
  let early = await checkPage({ query }, { config });
  if (early !== undefined) return early;
  return json({ page: Number(query.page ?? 1), books });
}));
