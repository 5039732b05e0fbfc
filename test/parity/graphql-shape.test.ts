import { join } from 'node:path';
import { startDev } from 'carve/express/dev';
import { describe, expect, it } from 'vitest';
import { planDev } from '../../core/build/dev.js';
import { gradebookCredentials } from '../contract/credentials.js';
import { ROOT } from './shapes.js';

describe('carve dev --shape graphql', () => {
  it('serves only /graphql, resolving through the handlers with the same auth', async () => {
    const units = await planDev({ app: join(ROOT, 'examples/gradebook/app.ts'), shape: 'graphql' });
    expect(units.map((u) => u.name)).toEqual(['graphql']);
    const session = await startDev(units, { env: { CARVE_LOG_LEVEL: 'silent' } });
    try {
      const { student } = await gradebookCredentials();
      const query = async (q: string) => (await fetch(`${session.gateway.url}/graphql`, { method: 'POST', headers: { ...student, 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) })).json();
      expect(await query('{ getMe { sub } }')).toEqual({ data: { getMe: { sub: 'stu-grace' } } });
      expect(await query('{ getStudents { id } }')).toMatchObject({ data: { getStudents: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      expect((await fetch(`${session.gateway.url}/courses`)).status).toBe(404);
    } finally {
      await session.stop();
    }
  }, 60_000);
});
