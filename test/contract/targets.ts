import express from 'express';
import type { App } from 'carve';
import { serve, toExpressRouter } from 'carve/express';
import { fromNodeHeaders, injectClient, supertestClient, encodeBody, type Client } from './client';

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
    return { client: fetchClient(server.url), stop: () => server.close() };
  },
};

export const targets: Target[] = [inject, expressRouter, expressServer];

function fetchClient(base: string): Client {
  return async (req) => {
    const { body, headers } = encodeBody(req);
    const h = new Headers();
    for (const [name, value] of Object.entries(headers)) for (const v of [value].flat()) h.append(name, v);
    const res = await fetch(base + req.url, { method: req.method, headers: h, body, redirect: 'manual' });
    const raw = new Uint8Array(await res.arrayBuffer());
    const nodeHeaders: Record<string, string | string[]> = Object.fromEntries(res.headers);
    nodeHeaders['set-cookie'] = res.headers.getSetCookie();
    return fromNodeHeaders(res.status, nodeHeaders, raw);
  };
}
