import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { memoryState, statelessMiddleware, unitState } from './memory-state.js';

/** Each `app.use(…)` argument of a source text, as the analyzer sees them. */
function used(source: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  return project.createSourceFile('/app/app.js', source).getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((c) => c.getExpression().getText() === 'app.use').map((c) => c.getArguments()[0]!);
}

describe('middleware state, known by its package', () => {
  const [session, stored, limiter, cookies, passport, own] = used(`
    const session = require('express-session');
    const rateLimit = require('express-rate-limit');
    const cookieParser = require('cookie-parser');
    const passport = require('passport');
    const counter = require('./lib/counter');
    app.use(session({ secret: 's' }));
    app.use(session({ secret: 's', store: redisStore }));
    app.use(rateLimit({ windowMs: 60_000, limit: 5 }));
    app.use(cookieParser('secret'));
    app.use(passport.initialize());
    app.use(counter());
  `);

  it('keeps in memory: a session or a rate limiter without a store', () => {
    expect([session, stored, limiter, cookies].map((n) => memoryState(n!))).toEqual(['keeps sessions in a MemoryStore', undefined, 'keeps its rate-limit counters in memory', undefined]);
    expect(unitState(limiter!)).toBe('rateLimit(…) keeps its rate-limit counters in memory: each unit of a multi-unit shape, and each function instance, has its own; for one limit across the app, throttle at the gateway (API Gateway, API Management) or give it a store (rate-limit-redis)');
  });

  it('keeps nothing between requests: cookie-parser, passport.initialize(); an app\'s own middleware is not known to', () => {
    expect([cookies, passport, own, session].map((n) => statelessMiddleware(n!))).toEqual([true, true, false, false]);
  });
});
