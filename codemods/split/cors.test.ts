import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { corsMapping } from './cors.js';

/** The mapping of each `app.use(…)` argument in a source text that imports the cors package. */
function mapped(source: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const file = project.createSourceFile('/app/app.js', `const cors = require('cors');\n${source}`);
  return file.getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((c) => c.getExpression().getText() === 'app.use')
    .map((c) => corsMapping(c.getArguments()[0]));
}

describe('cors(…) as carve\'s cors()', () => {
  it('maps each option the package has an equal for', () => {
    expect(mapped(`
      app.use(cors());
      app.use(cors({ origin: true, credentials: true }));
      app.use(cors({ origin: 'https://a.test', methods: 'GET, POST', allowedHeaders: ['x-a', 'x-b'], exposedHeaders: 'x-total', maxAge: 60 }));
      app.use(cors({ origin: /\\.a\\.test$/, preflightContinue: false, optionsSuccessStatus: 204 }));
      app.use(cors({ origin: ['https://a.test', 'https://b.test'], headers: 'x-a', optionsSuccessStatus: 200 }));
      app.use(cors({ 'origin': '*' }));
    `)).toEqual([
      { options: "{ origins: '*' }" },
      { options: '{ origins: () => true, credentials: true }' },
      { options: '{ origins: ["https://a.test"], methods: ["GET","POST"], allowHeaders: ["x-a","x-b"], exposeHeaders: ["x-total"], maxAge: 60 }' },
      { options: '{ origins: (origin) => /\\.a\\.test$/.test(origin) }' },
      { options: '{ origins: ["https://a.test","https://b.test"], allowHeaders: ["x-a"], preflightStatus: 200 }' },
      { options: "{ origins: '*' }" },
    ]);
  });

  it('reads options from a const that is only passed on, never one changed later', () => {
    const [kept, changed] = mapped(`
      const corsOptions = { origin: 'https://a.test' };
      app.use(cors(corsOptions));
      const later = { origin: 'https://a.test' };
      later.origin = process.env.ORIGIN;
      app.use(cors(later));
    `);
    expect(kept).toEqual({ options: '{ origins: ["https://a.test"] }' });
    expect(changed).toEqual({ unmapped: 'its options later are not an object literal carve split can read' });
  });

  it('keeps the package where carve\'s cors() has no equal, saying why', () => {
    expect(mapped(`
      app.use(cors({ origin: (origin, cb) => cb(null, true) }));
      app.use(cors({ preflightContinue: true }));
      app.use(cors({ optionsSuccessStatus: 201 }));
      app.use(cors({ origin: '*', credentials: true }));
      app.use(cors({ ...defaults }));
      app.use(cors(options()));
    `).map((m) => m && 'unmapped' in m && m.unmapped)).toEqual([
      "its option origin: (origin, cb) => cb(null, true) has no equal in carve's cors()",
      "its option preflightContinue: true has no equal in carve's cors()",
      "its option optionsSuccessStatus: 201 has no equal in carve's cors()",
      "it allows every origin ('*') with credentials, which browsers refuse and carve's cors() refuses at start-up",
      'its option ...defaults is not a plain property',
      'its options options() are not an object literal carve split can read',
    ]);
  });

  it('is not fooled by a cors of the app\'s own', () => {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
    const file = project.createSourceFile('/app/app.js', "const cors = require('./lib/cors');\napp.use(cors());\n");
    expect(corsMapping(file.getDescendantsOfKind(SyntaxKind.CallExpression)[1]!.getArguments()[0])).toBeUndefined();
  });
});
