import { createApp, handler } from 'carve';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { ApiGatewayV2Event } from './events.js';
import { toLambdaHandler } from './handler.js';
import { legacyHandler } from './legacy.js';

const event = (method: string, rawPath: string, body?: string): ApiGatewayV2Event => ({
  version: '2.0', routeKey: '$default', rawPath, rawQueryString: '', headers: { host: 'api.test', 'content-type': 'application/json' },
  body: body ?? null, isBase64Encoded: false,
  requestContext: { requestId: 'r', stage: '$default', domainName: 'api.test', http: { method, path: rawPath, sourceIp: '198.51.100.9' } },
});
const context = { awsRequestId: 'legacy', getRemainingTimeInMillis: () => 30_000 };

describe('strangler on Lambda: carve routes first, the legacy Express app behind them', () => {
  const legacy = express();
  legacy.use(express.json());
  legacy.get('/orders/:id', (req, res) => void res.json({ from: 'legacy', id: req.params.id }));
  legacy.post('/orders', (req, res) => void res.status(201).json({ from: 'legacy', got: req.body }));
  const migrated = createApp({ logger: { level: 'silent' }, handlers: [
    handler({ method: 'GET', path: '/courses', auth: 'public' }, () => ({ from: 'carve' })),
  ] });
  const lambda = toLambdaHandler(migrated, { fallback: legacyHandler(legacy) });

  it('serves migrated routes with carve', async () => {
    const result = await lambda(event('GET', '/courses'), context) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ from: 'carve' });
  });

  it('hands everything else, body included, to the legacy app through serverless-express', async () => {
    const get = await lambda(event('GET', '/orders/42'), context) as { statusCode: number; body: string };
    expect(JSON.parse(get.body)).toEqual({ from: 'legacy', id: '42' });
    const post = await lambda(event('POST', '/orders', '{"sku":"A-1"}'), context) as { statusCode: number; body: string };
    expect(post.statusCode).toBe(201);
    expect(JSON.parse(post.body)).toEqual({ from: 'legacy', got: { sku: 'A-1' } });
  });

  it('the legacy app answers unknown routes itself: 404, not a crash in Express 5\'s finalhandler (serverless-express#698)', async () => {
    const result = await lambda(event('GET', '/nowhere'), context) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(404);
    expect(result.body).toMatch(/Cannot GET \/nowhere/);
  });

  it('the legacy handler alone is a two-argument async Lambda handler', async () => {
    const alone = legacyHandler(legacy);
    expect(alone.length).toBe(2);
    const result = await alone(event('GET', '/orders/7'), context) as { body: string };
    expect(JSON.parse(result.body)).toEqual({ from: 'legacy', id: '7' });
  });
});
