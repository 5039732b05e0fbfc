// Converted by carve split from app.js:37 (error middleware), for every converted route it covers.
import { json } from '../_express.mjs';

export async function errorHandlerAtLine37(err) {
  return json({ error: err.message }, err.status || 500);
}
