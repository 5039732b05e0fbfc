// Started as a child process by serve.test.ts: a server with one slow route, to test draining on SIGTERM.
import { createApp, handler, token } from 'carve';
import { serve } from 'carve/express';

const Resource = token('Resource', { factory: () => ({ open: true }), dispose: () => console.log('disposed') });
const slow = handler({ method: 'GET', path: '/slow', auth: 'public', inject: { resource: Resource } }, async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { done: true };
});
const server = await serve(createApp({ handlers: [slow], logger: { level: 'silent' } }), { port: 0 });
console.log(`listening ${server.port}`);
