import { handler } from 'carve';

export const health = handler({ method: 'GET', path: '/health', auth: 'public' }, () => ({ ok: true }));
