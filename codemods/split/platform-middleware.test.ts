import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { platformMiddleware } from './platform-middleware.js';

/** The first call of `app.use(…)` arguments in a source text, as the analyzer sees them. */
function used(source: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const file = project.createSourceFile('/app/src/app.js', source);
  return file.getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((c) => c.getExpression().getText() === 'app.use')
    .map((c) => platformMiddleware(c.getArguments()[0], '/app'));
}

describe('platformMiddleware', () => {
  it('leaves out request loggers and compression, known by their package', () => {
    const [morgan, compression, pino, winston] = used(`
      const morgan = require('morgan');
      import compression from 'compression';
      const pinoHttp = require('pino-http');
      const expressWinston = require('express-winston');
      app.use(morgan('dev'));
      app.use(compression());
      app.use(pinoHttp({ level: 'info' }));
      app.use(expressWinston.logger({ transports: [] }));
    `);
    expect(morgan).toEqual({ code: 'LEFT_TO_PLATFORM', file: 'src/app.js', line: 6,
      message: "morgan('dev') (src/app.js:6) logs requests: carve's access log records every request (JSON, with the request id); carve split leaves it out" });
    expect(compression?.message).toMatch(/^compression\(\) \(src\/app\.js:7\) compresses responses: that is left to the platform/);
    expect(pino?.message).toMatch(/logs requests/);
    expect(winston?.message).toMatch(/logs requests/);
  });

  it('keeps what only looks like one: an app\'s own morgan, the error logger, a plain function', () => {
    expect(used(`
      const morgan = require('./lib/morgan');
      const expressWinston = require('express-winston');
      app.use(morgan('dev'));
      app.use(expressWinston.errorLogger({}));
      app.use(compression);
    `)).toEqual([undefined, undefined, undefined]);
  });
});
