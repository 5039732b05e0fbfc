// Converted by carve split from app.js:11 (GET /health).
import { handler } from 'carve';
import { json } from '../_express.mjs';

export const getHealth = handler({ method: 'GET', path: '/health', resource: 'health', auth: 'public' }, async () => {
  return json({ ok: true });
});
