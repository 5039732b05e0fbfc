// Converted by carve split from app.js:19 (GET /limits).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Limits } from '../../deps.mjs';

export const getLimits = handler({ method: 'GET', path: '/limits', resource: 'limits', auth: 'public', inject: { limits: Limits } }, async (_input, { limits }) => {
  return json(limits);
});
