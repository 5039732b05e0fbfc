// Converted by carve split from app.js:16 (GET /me).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Config } from '../../deps.mjs';
import { requireApiKey } from '../_middleware/require-api-key.mjs';
import { loadUser } from '../_middleware/load-user.mjs';

export const getMe = handler({ method: 'GET', path: '/me', resource: 'me', auth: 'public', inject: { config: Config } }, async ({ request }, { config }) => {
  const locals = {};
  let early = await requireApiKey({ request }, { config });
  if (early !== undefined) return early;
  early = await loadUser({ request, locals });
  if (early !== undefined) return early;
  return json({ user: locals.user });
});
