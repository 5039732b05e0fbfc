// Converted by carve split from app.js:11 (GET /posts/:slug).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';
import { Db } from '../../deps.mjs';

export const getPostsBySlug = handler({ method: 'GET', path: '/posts/{slug}', resource: 'posts', auth: 'public', params: z.object({ slug: z.string() }), inject: { db: Db } }, async ({ params }, { db }) => {
  const post = db.posts.get(params.slug);
  if (!post) return json({ error: 'no such post' }, 404);
  return json(post);
});
