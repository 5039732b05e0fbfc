// Converted by carve split from src/app.ts:12 (error middleware), for every converted route it covers.
import { json } from '../_express.js';

export async function errorHandlerAtLine12(err: { status?: number; message: string }) {
  return json({ error: err.message }, err.status ?? 500);
}
