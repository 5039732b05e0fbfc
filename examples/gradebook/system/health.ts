import { handler } from 'carve';
import { Health } from '../schemas.js';

export const health = handler({
  method: 'GET', path: '/health', auth: 'public', summary: 'Liveness probe',
  response: Health,
}, () => ({ status: 'ok' as const }));
