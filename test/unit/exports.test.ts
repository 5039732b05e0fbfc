import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import * as carve from 'carve';
import * as carveExpress from 'carve/express';

// The public API is small on purpose: a change here is a deliberate, reviewed change.
describe('public API', () => {
  it('carve', () => {
    expect(Object.keys(carve).sort()).toMatchInlineSnapshot(`
      [
        "BadRequest",
        "CarveRequest",
        "Conflict",
        "CurrentPrincipal",
        "Forbidden",
        "GatewayTimeout",
        "HTTP_METHODS",
        "HttpError",
        "InternalServerError",
        "Log",
        "MethodNotAllowed",
        "NotFound",
        "PayloadTooLarge",
        "Reply",
        "RequestContext",
        "Router",
        "Token",
        "TooManyRequests",
        "Unauthorized",
        "UnprocessableContent",
        "UnsupportedMediaType",
        "ValidationError",
        "apiKeyAuth",
        "cors",
        "createApp",
        "createLogger",
        "handler",
        "isHandler",
        "jwtAuth",
        "parseCookies",
        "parseQuery",
        "provide",
        "reply",
        "serializeCookie",
        "statusText",
        "stringifyQuery",
        "stripBasePath",
        "token",
        "z",
      ]
    `);
  });

  it('carve/express', () => {
    expect(Object.keys(carveExpress).sort()).toEqual(['serve', 'startGateway', 'toExpressRouter']);
  });

  it('every package.json export points at a file that exists', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      expect(existsSync(new URL(`../../${target}`, import.meta.url)), subpath).toBe(true);
    }
    expect(existsSync(new URL(`../../${pkg.bin.carve}`, import.meta.url))).toBe(true);
  });
});
