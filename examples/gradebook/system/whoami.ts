import { handler } from 'carve';
import { WhoAmI } from '../schemas.js';

export const whoami = handler({
  method: 'GET', path: '/me', summary: 'Who the token says you are',
  response: WhoAmI,
}, ({ principal }) => ({ sub: principal.sub, roles: [...principal.roles] }));
