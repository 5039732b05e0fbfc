// Converted by carve split from app.js:34 (GET /secret).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { requireAuth } from '../_middleware/require-auth.mjs';

export const getSecret = handler({ method: 'GET', path: '/secret', resource: 'secret', auth: 'public' }, async ({ request }) => {
  let early = await requireAuth({ request });
  if (early !== undefined) return early;
  return json({ secret: 42 });
});
