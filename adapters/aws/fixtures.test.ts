import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, handler, type CarveRequest } from 'carve';
import { describe, expect, it } from 'vitest';
import { UnsupportedEventError } from './detect.js';
import { toLambdaHandler } from './handler.js';

// Real captures and samples live in ../shared (not part of this repository, own licences).
const EVENTS = fileURLToPath(new URL('../../../shared/fixtures/events/', import.meta.url));
const available = existsSync(EVENTS);
if (!available) console.warn(`skipping the shared AWS event captures: ${EVENTS} does not exist`);

const load = (path: string) => JSON.parse(readFileSync(EVENTS + path, 'utf8')) as Record<string, unknown>;
const context = { awsRequestId: 'fixture', getRemainingTimeInMillis: () => 30_000 };
const seen = (request: CarveRequest) => ({
  method: request.method, path: request.path, params: request.params, query: request.query, headers: request.headers,
  cookies: request.cookies, body: request.body ? Buffer.from(request.body).toString('utf8') : '', sourceIp: request.sourceIp,
});
const capture = createApp({ logger: { level: 'silent' }, handlers: [
  handler({ method: 'ANY', path: '/capture/{value}', auth: 'public' }, ({ request }) => seen(request)),
  handler({ method: 'ANY', path: '/{path+}', auth: 'public' }, ({ request }) => seen(request)),
  handler({ method: 'ANY', path: '/', auth: 'public' }, ({ request }) => seen(request)),
] });
const lambda = toLambdaHandler(capture);

describe.skipIf(!available)('live captures (shared/fixtures/events/voker)', () => {
  for (const file of ['apigwv1-request.json', 'apigwv2-request.json', 'alb-request.json', 'functionurl-request.json']) {
    it(`${file}: the same request, whatever the front door`, async () => {
      const result = await lambda(load(`voker/${file}`) as never, context) as { statusCode: number; body: string };
      expect(result.statusCode).toBe(200);
      const body = JSON.parse(result.body);
      expect(body).toMatchObject({
        method: 'POST',
        path: '/capture/space%20value',
        params: { value: 'space value' },
        query: { repeat: ['one', 'two'], redirect: 'https://example.com/a/b', literalPlus: 'a b', encodedPlus: 'a+b', empty: '' },
        cookies: { session: 'abc123', theme: 'dark' },
        body: '{"message":"hello from the public internet","unicode":"lambda-λ"}',
        sourceIp: '68.8.83.18',
      });
      expect(body.headers['x-voker-probe']).toMatch(/^first, ?second$/);
      expect(body.headers['cookie']).toBe('session=abc123; theme=dark');
    });
  }
});

describe.skipIf(!available)('every shared sample event', () => {
  const files = available ? ['aws-lambda-go', 'powertools-lambda-python'].flatMap((dir) =>
    readdirSync(EVENTS + dir).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`)) : [];
  const httpRequest = /(alb|apigw|apiGateway|lambda-urls-request|lambdaFunctionUrl)/i;
  const notHttp = /(sqs|sns|s3|dynamo|kinesis|eventBridge|vpcLattice)/i;

  for (const file of files.filter((f) => httpRequest.test(f) && !/response/i.test(f))) {
    it(`${file}: an HTTP result, never a throw`, async () => {
      const result = await lambda(load(file) as never, context) as { statusCode: number; body: string };
      expect(result.statusCode).toBeGreaterThanOrEqual(200);
      expect(result.statusCode).toBeLessThan(500);
      if (/TrailingSlash/.test(file) && result.statusCode === 200) expect(JSON.parse(result.body).path).toMatch(/\/$/);
    });
  }

  for (const file of files.filter((f) => notHttp.test(f))) {
    it(`${file}: refused with an error naming what it is`, async () => {
      const error = await lambda(load(file) as never, context).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedEventError);
      expect((error as Error).message).toMatch(/(aws:|EventBridge|Lattice|Records)/);
    });
  }
});
