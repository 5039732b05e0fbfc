// A unit's `server.js`: serves the unit's app on PORT (default 3000) and HOST (default 127.0.0.1).
import app from 'carve/build/unit';
import { serve } from 'carve/express';
import { exitWithParent } from './units.js';

// CARVE_UNIT_PORT when gateway.js starts it (port 0, an app's env schema may refuse PORT=0), else PORT.
const server = await serve(app, { port: Number(process.env['CARVE_UNIT_PORT'] ?? process.env['PORT'] ?? 3000), host: process.env['HOST'] ?? '127.0.0.1', openapi: false, trustProxy: process.env['CARVE_UNIT_TRUST_PROXY'] });
exitWithParent(server.close);
console.log(`listening ${server.port}`);
