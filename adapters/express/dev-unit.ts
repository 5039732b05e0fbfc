// One unit of `carve dev`: loads the unit's app module as it is (TypeScript, no build) and serves it.
// Usage: node --import tsx dev-unit.ts <unit app module>
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from 'carve';
import { serve } from './serve.js';
import { exitWithParent } from './units.js';

const mod = (await import(pathToFileURL(resolve(process.argv[2]!)).href)) as { default: App };
// CARVE_UNIT_PORT, not PORT: the app's own PORT (and its env schema) stays as the user set it.
const server = await serve(mod.default, { port: Number(process.env['CARVE_UNIT_PORT'] ?? 0), openapi: false, trustProxy: process.env['CARVE_UNIT_TRUST_PROXY'] });
exitWithParent(server.close);
console.log(`listening ${server.port}`);
