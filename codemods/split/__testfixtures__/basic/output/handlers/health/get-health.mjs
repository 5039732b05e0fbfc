// Converted by carve split from app.js:31 (GET /health).
import { handler } from 'carve';
import { send } from '../_express.mjs';

export const getHealth = handler({ method: 'GET', path: '/health', resource: 'health', auth: 'public' }, async () => {
  return send('ok');
});
