import { handler, z } from 'carve';
import { Greeter } from './greeter.js';

export const getGreeting = handler({
  method: 'GET', path: '/greetings/{name}', auth: 'public',
  params: z.object({ name: z.string().min(1).max(64) }),
  query: z.object({ excited: z.enum(['yes', 'no']).optional() }),
  response: z.object({ message: z.string() }),
  inject: { greeter: Greeter },
}, ({ params, query }, { greeter }) => {
  const message = greeter.greet(params.name);
  return { message: query.excited === 'yes' ? message.toUpperCase() : message };
});
