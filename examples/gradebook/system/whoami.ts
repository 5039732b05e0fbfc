import { handler, z } from 'carve';

export const whoami = handler({
  method: 'GET', path: '/me', summary: 'Who the token says you are',
  response: z.object({ sub: z.string(), roles: z.array(z.string()) }),
}, ({ principal }) => ({ sub: principal.sub, roles: [...principal.roles] }));
