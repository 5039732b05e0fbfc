import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { checkZodLocales, zodLocalesPlugin, type ZodLocales } from './zod-locales.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(root, '.carve', 'zod-locales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle of a module using zod classic with the locales kept: its size, and what `z.locales` and an error say. */
async function bundled(keep: ZodLocales) {
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, "import { z } from 'zod';\nconst r = z.string().safeParse(1);\nconsole.log(JSON.stringify({ locales: Object.keys(z.locales), message: r.error.issues[0].message }));\n");
  let trimmed = false;
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', minify: true, write: false, absWorkingDir: root, plugins: [zodLocalesPlugin(keep, () => (trimmed = true))] });
  const code = result.outputFiles[0]!.text;
  const out = join(dir, `out-${Array.isArray(keep) ? keep.join('-') : keep}.mjs`);
  writeFileSync(out, code);
  return { bytes: code.length, trimmed, ran: JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' })) as { locales: string[]; message: string } };
}

describe('zod locales in a bundle', () => {
  it('keeps English only by default: about 255 KiB less, and zod answers as before', async () => {
    const [all, en] = [await bundled('all'), await bundled(['en'])];
    expect(all.ran.locales.length).toBeGreaterThan(30);
    expect(en.ran.locales).toEqual(['en']);
    expect(en.ran.message).toBe(all.ran.message);
    expect([all.trimmed, en.trimmed]).toEqual([false, true]);
    expect(all.bytes - en.bytes).toBeGreaterThan(200 * 1024);
  }, 60_000);

  it('keeps the locales named, as z.locales names them', async () => {
    expect((await bundled(['en', 'fr', 'zhCN'])).ran.locales).toEqual(['en', 'fr', 'zhCN']);
  }, 60_000);

  it('refuses a locale zod does not have, naming those it has', () => {
    expect(() => checkZodLocales(['en', 'klingon'], join(root, 'package.json'), 'carve.config.ts'))
      .toThrow(/carve\.config\.ts: bundle\.zodLocales: zod has no locale "klingon"; it has ar, az, .*en, .*zhCN/);
    expect(() => checkZodLocales('all', join(root, 'package.json'), 'carve.config.ts')).not.toThrow();
  });
});
