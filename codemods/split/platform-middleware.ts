import { relative } from 'node:path';
import type { Node } from 'ts-morph';
import { calleePackage } from '../analyze/express-bindings.js';
import type { Warning } from '../analyze/types.js';

/**
 * Middleware a split app does not carry, because carve or the platform does its job: request loggers (carve's
 * access log records every request, as structured JSON with the request id) and response compression (API
 * Gateway, CloudFront, Azure Front Door and a reverse proxy compress; a function's response is small and
 * buffered). Known by the package the call comes from, never by a name alone.
 */
const PACKAGES: Record<string, { export?: string; note: string }> = {
  morgan: { note: 'logs requests: carve\'s access log records every request (JSON, with the request id)' },
  'pino-http': { note: 'logs requests: carve\'s access log records every request (JSON, with the request id)' },
  'express-pino-logger': { note: 'logs requests: carve\'s access log records every request (JSON, with the request id)' },
  'express-winston': { export: 'logger', note: 'logs requests: carve\'s access log records every request (JSON, with the request id)' },
  compression: { note: 'compresses responses: that is left to the platform (API Gateway, CloudFront, Front Door, a proxy)' },
};

/** The report's warning for a middleware carve leaves out (`morgan('dev') (src/app.js:12) logs requests: …`), if it is one. */
export function platformMiddleware(node: Node | undefined, dir: string): Warning | undefined {
  const called = calleePackage(node);
  const known = called?.modules.map((m) => PACKAGES[m]).find((k) => k && k.export === called.member);
  if (!node || !known) return undefined;
  const text = node.getText().replace(/\s+/g, ' ');
  const file = relative(dir, node.getSourceFile().getFilePath());
  const line = node.getStartLineNumber();
  return { code: 'LEFT_TO_PLATFORM', file, line, message: `${text.length > 40 ? `${text.slice(0, 37)}...` : text} (${file}:${line}) ${known.note}; carve split leaves it out` };
}
