import { handler, z } from 'carve';

export const health = handler({
  method: 'GET', path: '/health', auth: 'public', summary: 'Liveness probe',
  response: z.object({ status: z.literal('ok') }),
}, () => ({ status: 'ok' as const }));
