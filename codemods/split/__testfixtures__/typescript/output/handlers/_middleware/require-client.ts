// Converted by carve split from src/middleware.ts:4 (middleware), for every converted route it covers.
import type { Resolved } from 'carve';
import { json, type GuardInput } from '../_express.js';
import type { Store } from '../../deps.js';

export async function requireClient({ request }: Pick<GuardInput, 'request'>, { store }: Resolved<{ store: typeof Store }>) {
  if (!request.headers["x-client"]) return json({ error: 'say who you are in x-client' }, 400);
  if (store.users.length >= 1000) return json({ error: 'the store is full' }, 507);
  return undefined;
}
