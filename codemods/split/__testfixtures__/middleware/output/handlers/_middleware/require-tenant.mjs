// Converted by carve split from middleware/auth.js:24 (middleware), for every converted route it covers.
import { json } from '../_express.mjs';

export async function requireTenant({ locals }) {
  if (!locals.tenant) return json({ error: 'no tenant' }, 401);
  return undefined;
}
