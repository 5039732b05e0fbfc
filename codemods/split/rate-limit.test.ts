import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { rateLimitMapping } from './rate-limit.js';

/** The mapping of each `app.use(…)` argument in a source text that imports express-rate-limit (values carried as written). */
function mapped(source: string, header = "const rateLimit = require('express-rate-limit');") {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const file = project.createSourceFile('/app/app.js', `${header}\n${source}`);
  return file.getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((c) => c.getExpression().getText() === 'app.use')
    .map((c) => rateLimitMapping(c.getArguments()[0], (n) => n.getText()));
}

describe('express-rate-limit as carve\'s rateLimit()', () => {
  it('writes out the package\'s defaults, so carve counts and answers as it did', () => {
    expect(mapped('app.use(rateLimit());')).toEqual([{ options: '{ limit: 5, windowMs: 60_000, headers: false, legacyHeaders: true, message: "Too many requests, please try again later." }' }]);
  });

  it('maps each option the package has an equal for, under either of its names', () => {
    expect(mapped(`
      app.use(rateLimit({ windowMs: 60 * 60 * 1000, max: 10, standardHeaders: 'draft-7', legacyHeaders: false, message: 'slow down', statusCode: 429, ipv6Subnet: 48, validate: { trustProxy: false } }));
      app.use(rateLimit({ limit: 2, standardHeaders: true, headers: false, message: \`wait\` }));
      app.use(rateLimit({ standardHeaders: 'draft-8' }));
    `).map((m) => m && 'options' in m && m.options)).toEqual([
      "{ limit: 10, windowMs: 60 * 60 * 1000, headers: 'draft-7', legacyHeaders: false, message: \"slow down\", ipv6Subnet: 48 }",
      "{ limit: 2, windowMs: 60_000, headers: 'draft-6', legacyHeaders: false, message: \"wait\" }",
      "{ limit: 5, windowMs: 60_000, headers: 'draft-8', legacyHeaders: true, message: \"Too many requests, please try again later.\" }",
    ]);
  });

  it('reads options a const holds, and the named export (v7+)', () => {
    expect(mapped("const opts = { max: 3 };\napp.use(rateLimit(opts));", "const { rateLimit } = require('express-rate-limit');")[0]).toEqual({ options: expect.stringContaining('limit: 3') });
  });

  it('keeps what carve\'s rateLimit() has no equal for as it is, saying which option', () => {
    const reasons = mapped(`
      app.use(rateLimit({ store: new RedisStore() }));
      app.use(rateLimit({ max: (req) => (req.user ? 100 : 10) }));
      app.use(rateLimit({ statusCode: 503 }));
      app.use(rateLimit({ message: { error: 'slow' } }));
      app.use(rateLimit({ standardHeaders: HEADERS }));
      app.use(rateLimit({ skipFailedRequests: true }));
      app.use(rateLimit(options));
      app.use(rateLimit({ ...base }));
    `).map((m) => m && 'unmapped' in m && m.unmapped);
    expect(reasons).toEqual([
      "its option store: new RedisStore() has no equal in carve's rateLimit()",
      "its option max: (req) => (req.user ? 100 : 10) has no equal in carve's rateLimit()",
      "its option statusCode: 503 has no equal in carve's rateLimit()",
      "its option message: { error: 'slow' } has no equal in carve's rateLimit()",
      'its option standardHeaders: HEADERS is not a literal carve split can read',
      "its option skipFailedRequests: true has no equal in carve's rateLimit()",
      'its options options are not an object literal carve split can read',
      'its option ...base is not a plain property',
    ]);
  });

  it('is not the package\'s unless it is imported from it', () => {
    expect(mapped('app.use(rateLimit());', 'const rateLimit = require(\'./my-limiter\');')).toEqual([undefined]);
  });
});
