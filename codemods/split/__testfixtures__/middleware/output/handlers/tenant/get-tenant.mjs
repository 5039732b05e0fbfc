// Converted by carve split from app.js:17 (GET /tenant).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { loadTenant } from '../_middleware/load-tenant.mjs';
import { requireTenant } from '../_middleware/require-tenant.mjs';

export const getTenant = handler({ method: 'GET', path: '/tenant', resource: 'tenant', auth: 'public' }, async ({ request }) => {
  const locals = {};
  let early = await loadTenant({ request, locals });
  if (early !== undefined) return early;
  early = await requireTenant({ locals });
  if (early !== undefined) return early;
  return json({ tenant: locals.tenant });
});
