// One unit of `carve dev`: loads the app as it is (TypeScript, no build) and serves the chosen handlers.
// Usage: node --import tsx dev-unit.ts <app module> <handler ids, comma-separated>
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { App } from 'carve';
import { serve } from './serve';

const [appModule, ids] = process.argv.slice(2);
const mod = (await import(pathToFileURL(resolve(appModule!)).href)) as { default?: App; app?: App };
const app = (mod.default ?? mod.app)!;
const server = await serve(app.select(ids ? ids.split(',') : []), { port: Number(process.env['PORT'] ?? 0), openapi: false });
console.log(`listening ${server.port}`);
