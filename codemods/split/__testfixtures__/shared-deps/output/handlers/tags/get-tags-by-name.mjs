// Converted by carve split from app.js:16 (GET /tags/:name).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { json } from '../_express.mjs';
import { Db } from '../../deps.mjs';
import { slugify } from '../../../input/lib/text.js';

export const getTagsByName = handler({ method: 'GET', path: '/tags/{name}', resource: 'tags', auth: 'public', params: z.object({ name: z.string() }), inject: { db: Db } }, async ({ params }, { db }) => {
  return json({ tag: slugify(params.name), posts: db.posts.tagged(slugify(params.name)) });
});
