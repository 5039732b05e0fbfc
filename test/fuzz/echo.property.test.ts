import azureFunctions from '@azure/functions';
import { toLambdaHandler } from 'carve/aws';
import { toAzureHandler } from 'carve/azure';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import echo from '../../examples/echo/app.js';
import { albEvent, fromLambdaResult, httpApiV2Event, lambdaContext, restV1Event } from '../contract/aws-events.js';
import type { ContractRequest, ContractResponse } from '../contract/client.js';

// Generated requests into examples/echo on every event shape: the response is always well formed, and
// what the handler saw is exactly what was sent. Seeds are printed on failure (fast-check's report).
const RUNS = Number(process.env['CARVE_FUZZ_RUNS'] ?? 10_000);
const lambda = toLambdaHandler(echo);
const azure = toAzureHandler(echo);
const { HttpRequest, InvocationContext } = azureFunctions;

const segment = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== '.' && s !== '..');
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const text = fc.string({ maxLength: 20 });
const headerValue = fc.stringMatching(/^[!-~]([ !-~]{0,20}[!-~])?$/); // visible ASCII, no edge spaces
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query: fc.uniqueArray(fc.tuple(key, text), { maxLength: 4, selector: ([k]) => k }),
  headers: fc.uniqueArray(fc.tuple(key.map((k) => `x-${k}`), headerValue), { maxLength: 4, selector: ([k]) => k }),
  body: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { nil: undefined }),
});
type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toContract(g: Generated): ContractRequest {
  const path = `/echo/${g.segments.map(encodeURIComponent).join('/')}`;
  const query = g.query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const body = g.method === 'GET' ? undefined : g.body;
  return { method: g.method, url: query ? `${path}?${query}` : path, headers: { ...Object.fromEntries(g.headers), ...(body ? { 'content-type': 'application/octet-stream' } : {}) }, body };
}

function checkEcho(g: Generated, res: ContractResponse): void {
  expect(res.status).toBe(200);
  const seen = res.body as { params: { path: string }; query: Record<string, string>; headers: Record<string, string>; bodyBase64: string };
  expect(seen.params.path).toBe(g.segments.join('/'));
  for (const [k, v] of g.query) expect(seen.query[k]).toBe(v);
  for (const [k, v] of g.headers) expect(seen.headers[k]).toBe(v);
  const sent = g.method === 'GET' || !g.body ? '' : Buffer.from(g.body).toString('base64');
  expect(seen.bodyBase64).toBe(sent);
}

function wellFormed(result: Record<string, unknown>): void {
  expect(Number.isInteger(result['statusCode'])).toBe(true);
  expect(result['statusCode']).toBeGreaterThanOrEqual(200);
  expect(result['statusCode']).toBeLessThan(600);
  expect(typeof result['body']).toBe('string');
  expect(typeof result['isBase64Encoded']).toBe('boolean');
  for (const value of Object.values((result['headers'] as Record<string, unknown>) ?? {})) expect(typeof value).toBe('string');
}

const shapes: [string, (r: ContractRequest) => unknown][] = [
  ['REST v1', (r) => restV1Event(r)],
  ['HTTP API 2.0', (r) => httpApiV2Event(r)],
  ['Function URL', (r) => httpApiV2Event(r, true)],
  ['ALB multi-value', (r) => albEvent(r, true)],
];

describe(`echo round-trips generated requests (${RUNS} per shape)`, () => {
  for (const [name, toEvent] of shapes) {
    it(`aws lambda, ${name}`, async () => {
      await fc.assert(fc.asyncProperty(request, async (g) => {
        // HTTP API decodes the path it hands over, so "/" inside a segment cannot survive there.
        fc.pre(!(name === 'HTTP API 2.0' && g.segments.some((s) => s.includes('/') || /%[0-9A-Fa-f]{2}/.test(s))));
        const result = await lambda(toEvent(toContract(g)) as never, lambdaContext()) as unknown as Record<string, unknown>;
        wellFormed(result);
        checkEcho(g, fromLambdaResult(result as never));
      }), { numRuns: RUNS });
    }, 120_000);
  }

  it('azure functions v4', async () => {
    await fc.assert(fc.asyncProperty(request, async (g) => {
      const r = toContract(g);
      const init = await azure(new HttpRequest({
        method: r.method, url: `http://localhost:7071/api${r.url}`, headers: r.headers as Record<string, string>,
        ...(r.body ? { body: { bytes: r.body as Uint8Array } } : {}),
      }), new InvocationContext({ invocationId: 'fuzz', functionName: 'fuzz', logHandler: () => undefined }));
      expect(init.status).toBe(200);
      const text = typeof init.body === 'string' ? init.body : Buffer.from(init.body as Uint8Array).toString('utf8');
      checkEcho(g, { status: 200, headers: {}, cookies: [], body: JSON.parse(text), rawBody: new Uint8Array() });
    }), { numRuns: RUNS });
  }, 120_000);
});
