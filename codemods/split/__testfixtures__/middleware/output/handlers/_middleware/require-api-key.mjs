// Converted by carve split from middleware/auth.js:4 (middleware), for every converted route it covers.
import { json } from '../_express.mjs';

export async function requireApiKey({ request }, { config }) {
  const key = request.headers["x-api-key"];
  if (!key) return json({ error: 'an API key is required' }, 401);
  if (!config.apiKeys.includes(key)) return json({ error: 'unknown API key' }, 403);
  return undefined;
}
