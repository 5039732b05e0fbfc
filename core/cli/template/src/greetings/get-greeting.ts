import { handler } from 'carve';
// zod/mini keeps a unit small (about 13 KB of validation); `import { z } from 'carve/zod'` is the classic API.
import * as z from 'carve/zod/mini';
import { Greeter } from './greeter.js';

export const getGreeting = handler({
  method: 'GET', path: '/greetings/{name}', auth: 'public',
  params: z.object({ name: z.string().check(z.minLength(1), z.maxLength(64)) }),
  query: z.object({ excited: z.optional(z.enum(['yes', 'no'])) }),
  response: z.object({ message: z.string() }),
  inject: { greeter: Greeter },
}, ({ params, query }, { greeter }) => {
  const message = greeter.greet(params.name);
  return { message: query.excited === 'yes' ? message.toUpperCase() : message };
});
