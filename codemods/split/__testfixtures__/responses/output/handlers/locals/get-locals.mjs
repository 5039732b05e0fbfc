// Converted by carve split from app.js:31 (GET /locals).
import { handler } from 'carve';
import { send } from '../_express.mjs';

export const getLocals = handler({ method: 'GET', path: '/locals', resource: 'locals', auth: 'public' }, async () => {
  const locals = {};
  locals.user = 'ada';
  return send('ok');
});
