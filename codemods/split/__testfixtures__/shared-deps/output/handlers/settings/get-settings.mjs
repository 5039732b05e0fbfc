// Converted by carve split from app.js:17 (GET /settings).
import { handler } from 'carve';
import { json } from '../_express.mjs';
import { Settings } from '../../deps.mjs';

export const getSettings = handler({ method: 'GET', path: '/settings', resource: 'settings', auth: 'public', inject: { settings: Settings } }, async (_input, { settings }) => {
  return json(settings);
});
