import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provide } from 'carve';
import { describe, expect, it } from 'vitest';
import { createGradebook, handlers } from './app.js';
import { demoToken } from './demo-token.js';
import { DbConfig } from './db.js';

describe('gradebook', () => {
  it('has at least 4 resources and 15 routes, all resolvable', () => {
    expect(handlers.length).toBeGreaterThanOrEqual(15);
    expect(new Set(handlers.map((h) => h.resource))).toEqual(new Set(['health', 'me', 'students', 'teachers', 'courses', 'enrolments', 'grades']));
    expect(createGradebook().validate()).toEqual({ ok: true, problems: [] });
  });

  it('shares one database file between app instances (as separate units will), seeding it once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gradebook-')), 'gradebook.db');
    const one = createGradebook([provide(DbConfig, { value: { path } })]);
    const two = createGradebook([provide(DbConfig, { value: { path } })]);
    const teacher = { authorization: `Bearer ${await demoToken('tea-ada', 'teacher')}` };
    const created = await one.inject({ method: 'POST', url: '/courses', headers: teacher, body: { code: 'BIO-100', title: 'Cells', credits: 3 } });
    expect(created.status).toBe(201);
    const seen = await two.inject({ method: 'GET', url: '/courses', headers: teacher });
    expect((seen.body as { code: string }[]).map((c) => c.code)).toEqual(['BIO-100', 'CS-201', 'MATH-101']);
    await one.close();
    await two.close();
  });
});
