// Converted by carve split from index.js:7 (GET /books).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Db } from '../../deps.mjs';

export const getBooks = handler({ method: 'GET', path: '/books', resource: 'books', auth: 'public', inject: { db: Db } }, async (_input, { db }) => {
  return json(db.books());
});
