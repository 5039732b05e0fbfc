import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { queueAt, serviceBusQueue, sqsQueue } from './queues.js';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }

/** A loopback server that records each request and answers with `reply`. */
async function recorder(reply: (seen: Seen, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(request);
      reply(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'session-token' };

describe('an SQS queue', () => {
  it('sends the body with SendMessage (AWS JSON protocol), signed for sqs in its region with the role\'s credentials', async () => {
    const sqs = await recorder((_, res) => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{"MessageId":"m-1"}'));
    const queueUrl = `${sqs.url}/123456789012/gradebook-notices`;
    await sqsQueue(queueUrl, 'eu-west-1', credentials).send('{"type":"grade-posted"}');
    const [request] = sqs.seen;
    expect(request).toMatchObject({ method: 'POST', url: '/' });
    expect(request!.headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(request!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request!.headers['x-amz-security-token']).toBe('session-token');
    expect(request!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sqs\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(request!.body)).toEqual({ QueueUrl: queueUrl, MessageBody: '{"type":"grade-posted"}' });
  });

  it('fails with what SQS answered when it refuses', async () => {
    const sqs = await recorder((_, res) => res.writeHead(400).end('{"__type":"com.amazon.coral.service#AccessDeniedException"}'));
    await expect(sqsQueue(`${sqs.url}/1/q`, 'eu-west-1', credentials).send('x')).rejects.toThrow(/SQS SendMessage answered 400: .*AccessDenied/);
  });

  it('says what is missing without credentials', () => {
    expect(() => sqsQueue('https://sqs.eu-west-1.amazonaws.com/1/q', 'eu-west-1', {})).toThrow(/AWS_ACCESS_KEY_ID/);
  });
});

describe('a Service Bus queue', () => {
  it('sends the body to the queue with a token for the managed identity, fetched once while it is valid', async () => {
    const expiresOn = String(Math.floor(Date.now() / 1000) + 3600);
    const identity = await recorder((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'token-1', expires_on: expiresOn })));
    const bus = await recorder((_, res) => res.writeHead(201).end());
    const queue = serviceBusQueue(`${bus.url}/gradebook-notices`, { IDENTITY_ENDPOINT: `${identity.url}/msi/token`, IDENTITY_HEADER: 'id-header' });
    await queue.send('{"n":1}');
    await queue.send('{"n":2}');
    expect(identity.seen).toHaveLength(1);
    expect(identity.seen[0]!.url).toBe('/msi/token?resource=https%3A%2F%2Fservicebus.azure.net&api-version=2019-08-01');
    expect(identity.seen[0]!.headers['x-identity-header']).toBe('id-header');
    expect(bus.seen.map((s) => [s.method, s.url, s.headers['authorization'], s.body])).toEqual([
      ['POST', '/gradebook-notices/messages', 'Bearer token-1', '{"n":1}'],
      ['POST', '/gradebook-notices/messages', 'Bearer token-1', '{"n":2}'],
    ]);
  });

  it('fails with what Service Bus answered when it refuses', async () => {
    const identity = await recorder((_, res) => res.end(JSON.stringify({ access_token: 't', expires_on: String(Math.floor(Date.now() / 1000) + 3600) })));
    const bus = await recorder((_, res) => res.writeHead(401).end('unauthorized'));
    const queue = serviceBusQueue(`${bus.url}/q`, { IDENTITY_ENDPOINT: identity.url, IDENTITY_HEADER: 'h' });
    await expect(queue.send('x')).rejects.toThrow('Service Bus answered 401: unauthorized');
  });

  it('says what is missing without a managed identity', () => {
    expect(() => serviceBusQueue('https://ns.servicebus.windows.net/q', {})).toThrow(/IDENTITY_ENDPOINT/);
  });
});

describe('queueAt', () => {
  it('knows SQS and Service Bus queues by their URL, and refuses anything else by name', () => {
    expect(() => queueAt('https://sqs.eu-west-1.amazonaws.com/123456789012/gradebook-notices', credentials)).not.toThrow();
    expect(() => queueAt('https://gradebook.servicebus.windows.net/notices', { IDENTITY_ENDPOINT: 'http://127.0.0.1:1', IDENTITY_HEADER: 'h' })).not.toThrow();
    expect(() => queueAt('https://example.com/queue', {})).toThrow('GRADEBOOK_NOTICES_QUEUE=https://example.com/queue: expected an SQS queue URL');
  });
});
