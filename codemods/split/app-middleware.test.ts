import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../analyze/analyze.js';
import { appWideMiddleware } from './app-middleware.js';
import { CarriedModule } from './carry.js';

describe('appWideMiddleware: carve\'s own cors() and rateLimit() on the whole app only where the package answered for the whole app', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const planned = (app: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'carve-app-middleware-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), '{ "dependencies": { "express": "*", "cors": "*", "express-rate-limit": "*" } }\n');
    writeFileSync(join(dir, 'app.js'), `const express = require('express');\nconst cors = require('cors');\nconst { rateLimit } = require('express-rate-limit');\nconst app = express();\n${app}\nmodule.exports = app;\n`);
    const { analysis, carriers } = analyzeProject(dir);
    const carried = new CarriedModule(join(dir, 'carve/app.mjs'), () => undefined);
    return { ...appWideMiddleware(analysis.routes, carriers, dir, (node) => carried.carry(node)), carried };
  };

  it('maps the one in front of every route', () => {
    const { middleware, warnings } = planned("app.use(cors());\napp.get('/a', (req, res) => res.json(1));\napp.get('/b', (req, res) => res.json(2));");
    expect(middleware.map((m) => m.call)).toEqual(["cors({ origins: '*' })"]);
    expect(warnings.map((w) => w.message)).toEqual(["cors() (app.js:5) is carve's cors({ origins: '*' }) on the split app"]);
  });

  it('keeps one in front of some routes, under a path or a condition', () => {
    for (const app of [
      "app.get('/a', (req, res) => res.json(1));\napp.use(cors());\napp.get('/b', (req, res) => res.json(2));",
      "app.use('/b', cors());\napp.get('/b', (req, res) => res.json(2));",
      "if (process.env.CORS) app.use(cors());\napp.get('/b', (req, res) => res.json(2));",
    ]) {
      const { middleware, warnings } = planned(app);
      expect(middleware, app).toEqual([]);
      expect(warnings.map((w) => w.message), app).toEqual([expect.stringMatching(/runs as it is through carve\/compat\/express: it is not in front of every route on every path/)]);
    }
  });

  it('maps an app-wide limiter held by a const, in the legacy order, carrying the constants its options are computed from', () => {
    const { middleware, warnings, carried } = planned([
      'const LIMIT = parseInt(process.env.LIMIT, 10) || 200;',
      'const limiter = rateLimit({ windowMs: 15 * 60 * 1000, max: LIMIT, standardHeaders: true, legacyHeaders: false });',
      'app.use(limiter);',
      "app.use(cors({ origin: 'https://a.test' }));",
      "app.get('/a', (req, res) => res.json(1));",
    ].join('\n'));
    expect(middleware.map((m) => m.call)).toEqual([
      "rateLimit({ limit: LIMIT, windowMs: 15 * 60 * 1000, headers: 'draft-6', legacyHeaders: false, message: \"Too many requests, please try again later.\" })",
      'cors({ origins: ["https://a.test"] })',
    ]);
    expect(warnings[0]).toMatchObject({ code: 'RATE_LIMIT', line: 6, message: expect.stringContaining('each unit of a multi-unit shape, and each function instance, counts on its own') });
    expect([...carried.declarations.values()]).toEqual(['const LIMIT = parseInt(process.env.LIMIT, 10) || 200;']);
  });

  it('leaves a per-route limiter, and one with options carve has no equal for, as they are, carrying nothing', () => {
    const perRoute = planned("const login = rateLimit({ max: 3 });\napp.post('/login', login, (req, res) => res.json(1));\napp.get('/a', (req, res) => res.json(2));");
    expect([perRoute.middleware, perRoute.warnings]).toEqual([[], []]);
    const keyed = planned("const SECRET = 'k';\napp.use(rateLimit({ max: 3, keyGenerator: (req) => req.get(SECRET) }));\napp.get('/a', (req, res) => res.json(2));");
    expect(keyed.middleware).toEqual([]);
    expect(keyed.warnings.map((w) => [w.code, w.message])).toEqual([['RATE_LIMIT', expect.stringContaining("keeping its routes off the SDK: its option keyGenerator: (req) => req.get(SECRET) has no equal in carve's rateLimit()")]]);
    const unshared = planned("const N = 3;\napp.get('/a', (req, res) => res.json(2));\napp.use(rateLimit({ max: N }));\napp.get('/b', (req, res) => res.json(2));");
    expect([unshared.middleware, [...unshared.carried.declarations.values()]]).toEqual([[], []]);
  });
});
