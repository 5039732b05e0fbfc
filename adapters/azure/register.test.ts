import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, handler, reply } from 'carve';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { withFakeHost } from '../../test/contract/azure-host.js';
import gradebook from '../../examples/gradebook/app.js';
import { functionAppFiles } from './app-files.js';
import { registerAzureFunctions } from './register.js';
import { AzureRouteError, planAzureFunctions } from './routes.js';

const route = (method: 'GET' | 'POST' | 'ANY', path: string) => handler({ method, path, auth: 'public' }, () => ({ path }));

describe('planAzureFunctions and registerAzureFunctions', () => {
  it('3 and 18: one function per route template, valid unique names, every method, anonymous', () => {
    const host = withFakeHost(() => registerAzureFunctions(gradebook));
    const names = host.functions.map((f) => f.name);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z][a-zA-Z0-9_-]{0,127}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const routes = host.functions.map((f) => f.route);
    expect(routes).toContain('courses/{courseCode}');
    expect(routes).toContain('students/{studentId}/grades');
    expect(routes.at(-1)).toBe('{*path}');
    for (const fn of host.functions) {
      const trigger = Object.values(fn.metadata.bindings).find((b) => b.type === 'httpTrigger') as Record<string, unknown>;
      expect(trigger).toMatchObject({ authLevel: 'anonymous', methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] });
    }
  });

  it('merges templates that differ only in parameter names, and turns greedy parameters into catch-alls', () => {
    const plan = planAzureFunctions([route('GET', '/a/{x}'), route('POST', '/a/{y}'), route('ANY', '/files/{path+}')]);
    expect(plan.map((p) => [p.name, p.route, p.routes.length])).toEqual([['a-by-x', 'a/{x}', 2], ['files-by-path', 'files/{*path}', 1], ['carve-fallback', '{*path}', 0]]);
  });

  it('4: refuses routes Azure reserves, and adds no catch-all without a route prefix', () => {
    expect(() => planAzureFunctions([route('GET', '/admin/users')])).toThrow(AzureRouteError);
    expect(() => planAzureFunctions([route('GET', '/runtime')])).toThrow(/reserves routes starting with "admin" and "runtime"/);
    expect(planAzureFunctions([route('GET', '/administrators')])).toHaveLength(2);
    expect(planAzureFunctions([route('GET', '/x')], { routePrefix: '' }).map((p) => p.route)).toEqual(['x']);
    expect(planAzureFunctions([route('GET', '/x')], { mode: 'catch-all' })).toEqual([expect.objectContaining({ name: 'carve', route: '{*path}' })]);
  });

  it('5 and 6: a catch-all routes by carve, and two cookies survive the real toRpcHttp conversion', async () => {
    const cookies = createApp({ handlers: [
      handler({ method: 'POST', path: '/a/b/c', auth: 'public' }, () => reply({ cookies: ['a=1; Path=/', 'b=2; Path=/'], body: { ok: true } })),
    ] });
    const host = withFakeHost(() => registerAzureFunctions(cookies, { mode: 'catch-all' }));
    const res = await host.request({ method: 'POST', url: '/api/a/b/c', headers: {} });
    expect(res.status).toBe(200);
    expect(res.cookies).toEqual(['a=1; path=/', 'b=2; path=/']);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toEqual({ ok: true });
  });

  it('19: host.json and package.json as the host needs them', () => {
    const files = functionAppFiles({ name: 'gradebook-azure', main: 'functions/*.js', dependencies: { 'better-sqlite3': '^12.0.0' } });
    expect(JSON.parse(files['host.json'])).toMatchObject({ version: '2.0', extensionBundle: { version: '[4.*, 5.0.0)' }, extensions: { http: { routePrefix: 'api' } } });
    expect(JSON.parse(files['package.json'])).toMatchObject({ main: 'functions/*.js', dependencies: { '@azure/functions': expect.stringMatching(/^\^4/) } });
    // func start's app settings: a Node worker, no storage account (HTTP triggers need none), source maps when asked.
    expect(JSON.parse(files['local.settings.json'])).toEqual({ IsEncrypted: false, Values: { FUNCTIONS_WORKER_RUNTIME: 'node', AzureWebJobsStorage: '' } });
    const mapped = functionAppFiles({ name: 'x', main: 'index.js', nodeArguments: ['--enable-source-maps'] });
    expect(JSON.parse(mapped['local.settings.json']).Values).toMatchObject({ languageWorkers__node__arguments: '--enable-source-maps' });
  });

  it('20: the ESM build of the adapter loads in plain Node (default import of @azure/functions)', async () => {
    // Inside the project, so that the bundle's bare `@azure/functions` import resolves from node_modules.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    mkdirSync(join(root, '.carve'), { recursive: true });
    const dir = mkdtempSync(join(root, '.carve', 'azure-esm-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { createApp } from 'carve';\nimport { toAzureHandler } from 'carve/azure';\nexport const h = toAzureHandler(createApp({ handlers: [] }));\n`);
    const outfile = join(dir, 'entry.mjs');
    await build({
      entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
      external: ['@azure/functions'], absWorkingDir: root, conditions: ['carve-source'],
    });
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(outfile)}).then((m) => console.log(typeof m.h))`], { encoding: 'utf8', cwd: root });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).not.toMatch(/SyntaxError|Named export/);
    expect(run.stdout.trim(), run.stderr).toBe('function');
  });
});
