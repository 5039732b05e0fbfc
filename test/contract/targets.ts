import express from 'express';
import type { App } from 'carve';
import { toLambdaHandler } from 'carve/aws';
import { registerAzureFunctions, type RegisterOptions } from 'carve/azure';
import { serve, toExpressRouter } from 'carve/express';
import { albEvent, fromLambdaResult, httpApiV2Event, lambdaContext, restV1Event } from './aws-events.js';
import { withFakeHost } from './azure-host.js';
import { encodeBody, httpClient, injectClient, supertestClient, type Client, type ContractRequest } from './client.js';

export interface Running {
  client: Client;
  stop(): Promise<void>;
}

/** A place the contract runs: it turns an app into a client. Later targets add Lambda and Azure. */
export interface Target {
  name: string;
  start(app: App): Promise<Running>;
}

export const inject: Target = {
  name: 'in-process inject',
  start: async (app) => ({ client: injectClient(app), stop: async () => undefined }),
};

export const expressRouter: Target = {
  name: 'express router (supertest)',
  start: async (app) => {
    const web = express();
    web.use(toExpressRouter(app, { fallthrough: false }));
    return { client: supertestClient(web), stop: async () => undefined };
  },
};

export const expressServer: Target = {
  name: 'express serve() over HTTP',
  start: async (app) => {
    const server = await serve(app, { port: 0, handleSignals: false });
    return { client: httpClient(server.url), stop: () => server.close() };
  },
};

/** A Lambda target: each generic request becomes the event one AWS front door would send. */
function lambda(name: string, toEvent: (req: ContractRequest) => unknown): Target {
  return {
    name: `aws lambda: ${name}`,
    start: async (app) => {
      const handler = toLambdaHandler(app);
      return { client: async (req) => fromLambdaResult(await handler(toEvent(req) as never, lambdaContext())), stop: async () => undefined };
    },
  };
}

export const awsTargets: Target[] = [
  lambda('API Gateway REST (v1)', (req) => restV1Event(req)),
  lambda('HTTP API payload 1.0', (req) => restV1Event(req, '1.0')),
  lambda('HTTP API payload 2.0', (req) => httpApiV2Event(req)),
  lambda('Function URL', (req) => httpApiV2Event(req, true)),
  lambda('ALB multi-value headers', (req) => albEvent(req, true)),
];

/** An Azure target: the app registered with app.http(...), invoked through @azure/functions' own model. */
function azure(name: string, options: RegisterOptions = {}): Target {
  return {
    name: `azure functions v4: ${name}`,
    start: async (app) => {
      const host = withFakeHost(() => registerAzureFunctions(app, options), options.routePrefix ?? 'api');
      return {
        client: async (req) => {
          const { body, headers } = encodeBody(req);
          return host.request({ method: req.method, url: `/api${req.url}`, headers, body });
        },
        stop: async () => undefined,
      };
    },
  };
}

export const azureTargets: Target[] = [azure('one function per route template'), azure('one catch-all function', { mode: 'catch-all' })];

export const targets: Target[] = [inject, expressRouter, expressServer, ...awsTargets, ...azureTargets];
