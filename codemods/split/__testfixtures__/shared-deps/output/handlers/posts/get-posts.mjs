// Converted by carve split from app.js:10 (GET /posts).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Db, Settings } from '../../deps.mjs';

export const getPosts = handler({ method: 'GET', path: '/posts', resource: 'posts', auth: 'public', inject: { db: Db, settings: Settings } }, async (_input, { db, settings }) => {
  return json(db.posts.list(settings.pageSize));
});
