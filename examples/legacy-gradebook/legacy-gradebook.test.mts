import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevSession } from 'carve/express/dev';
import { planDev } from '../../core/build/dev.js';
import { split } from '../../codemods/split/split.js';
import { withFakeHostAsync } from '../../test/contract/azure-host.js';
import { legacySuite } from './legacy-suite.mjs';
import { resolveTarget } from '../../core/cli/targets.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
// Each run gets its own copy of the legacy modules (their store is module state).
const freshLegacy = () => {
  for (const key of Object.keys(require.cache)) if (key.startsWith(here)) delete require.cache[key];
  return require('./app.js') as unknown;
};

describe('legacy gradebook, as it is', () => {
  let app: unknown;
  beforeAll(() => void (app = freshLegacy()));
  legacySuite(() => app);
});

describe('legacy gradebook, split: carve in front, the legacy app behind (strangler)', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  mkdirSync(join(root, '.carve'), { recursive: true });
  const out = mkdtempSync(join(root, '.carve', 'legacy-split-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  let server: unknown;
  const result = split(here, { out, force: true });

  beforeAll(async () => {
    process.env['CARVE_SPLIT_LISTEN'] = '0';
    process.env['CARVE_LOG_LEVEL'] = 'silent';
    freshLegacy();
    server = (await import(pathToFileURL(join(out, 'server.mjs')).href)).default;
  });

  it('converts every route: middleware and the param() loader become guards, req.user and req.course locals', () => {
    const { inventory, converted, remainder } = result.report;
    expect(converted.length + remainder.length).toBe(inventory.length);
    expect(converted.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
      'DELETE /cache', 'GET /courses', 'GET /courses/:courseCode', 'GET /health', 'GET /students/:studentId/grades', 'GET /version', 'POST /courses',
    ]);
    expect(remainder).toEqual([]);
    expect(result.report.files.filter((f) => f.startsWith('handlers/_middleware/')).sort()).toEqual([
      'handlers/_middleware/authenticate.mjs', 'handlers/_middleware/load-course.mjs', 'handlers/_middleware/require-teacher.mjs', 'handlers/_middleware/self-or-teacher.mjs',
    ]);
  });

  legacySuite(() => server);
});

describe('legacy gradebook, split, under carve dev in every shape (the legacy app as the remainder unit)', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  mkdirSync(join(root, '.carve'), { recursive: true });
  const out = mkdtempSync(join(root, '.carve', 'legacy-dev-'));
  split(here, { out, force: true });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const shape of ['monolith', 'microservices', 'nanoservices']) {
    describe(shape, () => {
      let session: DevSession;
      beforeAll(async () => {
        const units = await planDev({ app: join(out, 'app.mjs'), shape });
        expect(units.some((u) => u.fallback)).toBe(true);
        session = await startDev(units, { env: { CARVE_LOG_LEVEL: 'silent' } });
      }, 60_000);
      afterAll(() => session?.stop());
      legacySuite(() => session.gateway.url);
    });
  }
});

describe('legacy gradebook, split, built', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  mkdirSync(join(root, '.carve'), { recursive: true });
  const out = mkdtempSync(join(root, '.carve', 'legacy-build-'));
  split(here, { out: join(out, 'app'), force: true });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('for AWS: a `legacy` unit on the default route carries the remainder; only it bundles the legacy app, Express and serverless-express', async () => {
    const { buildApp } = await import('carve/build');
    const manifest = await buildApp({ app: join(out, 'app/app.mjs'), shape: 'microservices', target: await resolveTarget('aws'), out: join(out, 'dist'), coldStart: false });
    const legacyUnit = manifest.units.find((u) => u.name === 'legacy')!;
    expect(legacyUnit).toMatchObject({ routes: [], remainder: true });
    expect(manifest.units.map((u) => u.name)).not.toContain('carve-fallback');
    const source = (unit: string) => readFileSync(join(out, 'dist/aws/microservices', unit, 'index.js'), 'utf8');
    expect(source('legacy')).toContain('serverless-express');
    expect(source('legacy')).toContain('something broke');
    for (const unit of ['health', 'courses']) {
      expect(source(unit)).not.toContain('serverless-express');
      expect(source(unit), 'the legacy app stays out of converted units').not.toContain('something broke');
      expect(source(unit), 'and Express with it').not.toContain('x-powered-by');
    }
    expect(manifest.warnings.filter((w) => /remainder/.test(w))).toEqual([]);
    const event = (method: string, path: string, authorization?: string) => ({
      version: '2.0', rawPath: path, rawQueryString: '', headers: authorization ? { authorization } : {},
      requestContext: { requestId: 'l', stage: '$default', domainName: 'x', http: { method, path, sourceIp: '1.2.3.4' } },
    });
    const { handler } = (await import(join(out, 'dist/aws/microservices/legacy/index.js'))) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    const grades = await handler(event('GET', '/students/stu-grace/grades', 'Bearer student:stu-grace'), { awsRequestId: 'x' });
    expect(grades.statusCode).toBe(200);
    expect(JSON.parse(grades.body)).toHaveLength(2);
    const sam = readFileSync(join(out, 'dist/aws/microservices/template.yaml'), 'utf8');
    expect(sam).toMatch(/LegacyFunction:\s+Type: AWS::Serverless::Function\s+Properties:\s+CodeUri: legacy\/\s+Events:\s+Default:\s+Type: HttpApi/);
  }, 120_000);

  it('for Azure: the `legacy` function app carries the remainder through serverless-express, prefix stripped', async () => {
    const { buildApp } = await import('carve/build');
    const manifest = await buildApp({ app: join(out, 'app/app.mjs'), shape: 'microservices', target: await resolveTarget('azure'), out: join(out, 'dist'), coldStart: false });
    const legacyUnit = manifest.units.find((u) => u.name === 'legacy')!;
    expect(legacyUnit).toMatchObject({ routes: [], remainder: true });
    const source = (unit: string) => readFileSync(join(out, 'dist/azure/microservices', unit, 'index.js'), 'utf8');
    expect(source('legacy')).toContain('serverless-express');
    expect(source('health')).not.toContain('serverless-express');
    const host = await withFakeHostAsync(() => import(join(out, 'dist/azure/microservices/legacy/index.js')));
    const grades = await host.request({ method: 'GET', url: '/api/students/stu-grace/grades', headers: { authorization: 'Bearer student:stu-grace' } });
    expect(grades.status).toBe(200);
    expect(grades.body).toHaveLength(2);
    const missing = await host.request({ method: 'GET', url: '/api/nowhere', headers: {} });
    expect(missing.status).toBe(404);
  }, 120_000);
});
