// `node gateway.js` in an express build (this module, bundled beside the units): starts every unit's
// server.js as its own process, then one gateway port in front of them (PORT, default 3000). SIGTERM stops them all.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startGateway } from './gateway.js';
import { startUnitProcess, stopUnits } from './units.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dir}/carve-manifest.json`, 'utf8')) as { units: { name: string; entry: string; routes: { method: string; path: string }[]; remainder?: true | undefined }[] };
const units = await Promise.all(manifest.units.map((u) => startUnitProcess(u.name, u.routes, [`${dir}/${u.entry}`])));
// A unit crashing is restarted by its supervisor (units.ts); the gateway answers 503 for it meanwhile.
const fallback = units[manifest.units.findIndex((u) => u.remainder)];
// The whole app's OpenAPI document, made by the build from the real handlers (the units' bundles carry each other's as stubs).
const openapi = existsSync(`${dir}/openapi.json`) ? readFileSync(`${dir}/openapi.json`, 'utf8') : undefined;
const gateway = await startGateway(units, { port: Number(process.env['PORT'] ?? 3000), host: process.env['HOST'] ?? '127.0.0.1', fallback, openapi });
console.log(`gateway listening ${gateway.port} (${units.length} units)`);
const stop = async () => {
  await gateway.close();
  await stopUnits(units);
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
