import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import { registerAzureFunctions } from 'carve/azure';
import { serve } from 'carve/express';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLambdaResult, httpApiV2Event, lambdaContext } from '../../test/contract/aws-events.js';
import { withFakeHost } from '../../test/contract/azure-host.js';
import type { ContractRequest, ContractResponse } from '../../test/contract/client.js';
import { createTasksApp } from './fixtures.js';
import { toGraphQLApp } from './server.js';

// Apollo answers 400 where the spec says SHOULD 200 for parse, validation and variable errors with
// Accept: application/json (research/graphql.md §3); nothing else may even warn.
const ALLOWED_WARNINGS = new Set(['572B', 'FDE2', '7B9B']);

type Serve = (app: App) => Promise<{ url: string; close(): Promise<void> }>;

const viaExpress: Serve = async (app) => {
  const server = await serve(app, { port: 0, handleSignals: false, openapi: false });
  return { url: `${server.url}/graphql`, close: () => server.close() };
};
const viaLambda: Serve = async (app) => {
  const handler = toLambdaHandler(app);
  return shim(async (req) => fromLambdaResult(await handler(httpApiV2Event(req) as never, lambdaContext())));
};
const viaAzure: Serve = async (app) => {
  const host = withFakeHost(() => registerAzureFunctions(app));
  return shim((req) => host.request({ method: req.method, url: `/api${req.url}`, headers: req.headers ?? {}, body: req.body as Uint8Array | undefined }));
};

for (const [name, start] of [['express', viaExpress], ['aws lambda (HTTP API v2)', viaLambda], ['azure functions v4', viaAzure]] as const) {
  describe(`graphql-http audit, ${name}`, () => {
    let running: { url: string; close(): Promise<void> };
    beforeAll(async () => void (running = await start(toGraphQLApp(createTasksApp()))));
    afterAll(() => running.close());
    for (const audit of serverAudits({ url: () => running.url })) {
      it(`${audit.id} ${audit.name}`, async () => {
        const result = await audit.fn();
        expect(result.status === 'error' ? result.reason : 'no error').toBe('no error');
        if (result.status === 'warn') expect(ALLOWED_WARNINGS.has(audit.id), `${audit.id}: ${result.reason}`).toBe(true);
      });
    }
  });
}

/** A loopback HTTP server that hands each request to a provider-shaped client. */
async function shim(call: (req: ContractRequest) => Promise<ContractResponse>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'host' && k !== 'connection') headers[k] = [v].flat().join(', ');
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await call({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body });
      res.writeHead(answer.status, { ...answer.headers, ...(answer.cookies.length ? { 'set-cookie': answer.cookies } : {}) }).end(Buffer.from(answer.rawBody));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
