import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from 'carve/build';
import { afterAll, describe, expect, it } from 'vitest';
import bun from './target.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUN = join(root, 'node_modules/.bin/bun');
mkdirSync(join(root, '.carve'), { recursive: true });
const out = mkdtempSync(join(root, '.carve', 'bun-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Starts a built unit with `bun server.js` and asks it one request. */
async function ask(serverJs: string, path: string): Promise<{ status: number; body: unknown }> {
  const child = spawn(BUN, [serverJs], { env: { ...process.env, PORT: '0', CARVE_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let text = '';
    for await (const chunk of child.stdout) {
      text += String(chunk);
      if (/listening \d+/.test(text)) break;
    }
    const res = await fetch(`http://127.0.0.1:${/listening (\d+)/.exec(text)![1]}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

describe('carve build --target bun', () => {
  it('builds one server.js per unit that Bun runs, each serving its own routes only', async () => {
    const manifest = await buildApp({ app: join(root, 'examples/echo/app.ts'), shape: 'nanoservices', target: bun, out });
    expect(manifest.target).toBe('bun');
    const echo = manifest.units.find((u) => u.routes.some((r) => r.path === '/echo/{path+}'))!;
    const status = manifest.units.find((u) => u.routes.some((r) => r.path === '/echo-status/{code}'))!;
    const dir = join(out, 'bun/nanoservices');
    expect(JSON.parse(readFileSync(join(dir, echo.name, 'package.json'), 'utf8')).scripts).toEqual({ start: 'bun server.js' });
    expect(await ask(join(dir, echo.entry), '/echo/a%20b?x=1')).toMatchObject({ status: 200, body: { path: '/echo/a%20b', params: { path: 'a b' }, query: { x: '1' }, sourceIp: '127.0.0.1' } });
    expect(await ask(join(dir, echo.entry), '/echo-status/201')).toMatchObject({ status: 404 });
    expect(await ask(join(dir, status.entry), '/echo-status/201')).toMatchObject({ status: 201 });
  }, 120_000);

  it('refuses an app with a legacy Express remainder, which Bun units cannot serve', () => {
    expect(() => bun.check!({ name: 'split', remainder: () => undefined } as never, {} as never)).toThrow(/legacy remainder/);
  });
});
