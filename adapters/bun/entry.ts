// A unit's `server.js` on Bun (`bun server.js`): serves the unit's app on PORT (default 3000) and HOST.
import app from 'carve/build/unit';
import { serve } from 'carve/bun';

const server = serve(app, { port: Number(process.env['PORT'] ?? 3000), hostname: process.env['HOST'] ?? '127.0.0.1' });
console.log(`listening ${server.port}`);
