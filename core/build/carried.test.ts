import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../cli/targets.js';
import { buildApp } from './build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.carve'), { recursive: true });
const out = mkdtempSync(join(root, '.carve', 'carried-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('what a unit carries for other units', () => {
  it('warns, naming the package, the module and the token, when a unit bundles what only another unit injects', async () => {
    const manifest = await buildApp({ app: join(root, 'core/build/__fixtures__/carried/app.ts'), shape: 'nanoservices', target: await resolveTarget('aws'), out, coldStart: false });
    const health = manifest.units.find((u) => u.name === 'get-health')!;
    // The app module imports mailer.ts to register its configuration: every unit carries yaml with it.
    expect(Object.keys(health.weights)).toContain('yaml');
    expect(manifest.warnings).toEqual([
      expect.stringMatching(/^get-health carries yaml, which only post-mail needs: it imports core\/build\/__fixtures__\/carried\/mailer\.ts \(Mailer, MailerConfig\), which none of its handlers inject/),
      expect.stringMatching(/^carve-fallback carries yaml, which only post-mail needs/),
    ]);
  }, 120_000);
});
