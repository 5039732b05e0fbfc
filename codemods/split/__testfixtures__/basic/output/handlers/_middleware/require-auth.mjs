// Converted by carve split from app.js:7 (middleware), for every converted route it covers.
import { json } from '../_express.mjs';

export async function requireAuth({ request }) {
  if (!request.headers["authorization"]) return json({ error: 'login first' }, 401);
  return undefined;
}
