import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { startDev } from './dev.js';

const scratch = scratchDir('dev-test');

describe('carve dev units', () => {
  it('leave the app\'s own environment as it is: a unit listens on a port of its own, PORT stays the user\'s', async () => {
    // An app whose start-up validates PORT (envalid's port() refuses 0, which units once got).
    const app = join(scratch, 'app.mjs');
    writeFileSync(app, [
      "import { createApp, handler } from 'carve';",
      "if (!(Number(process.env.PORT) > 0)) throw new Error(`invalid PORT ${process.env.PORT}`);",
      "export default createApp({ handlers: [handler({ method: 'GET', path: '/port', auth: 'public' }, () => ({ port: process.env.PORT }))] });",
      '',
    ].join('\n'));
    const session = await startDev([{ name: 'only', appModule: app, routes: [{ method: 'GET', path: '/port' }], fallback: false }], { env: { CARVE_LOG_LEVEL: 'silent', PORT: '3000' } });
    try {
      expect(await (await fetch(`${session.gateway.url}/port`)).json()).toEqual({ port: '3000' });
      expect(session.units[0]!.url).not.toMatch(/:3000$/);
    } finally {
      await session.stop();
    }
  }, 60_000);
});
