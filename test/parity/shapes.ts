import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'carve/adapter';
import { parse, stringify } from 'yaml';
import { buildApp, type Manifest } from 'carve/build';
import { planDev } from '../../core/build/dev.js';
import { startDev } from 'carve/express/dev';
import { fromLambdaResult, httpApiV2Event, lambdaContext } from '../contract/aws-events.js';
import { withFakeHostAsync, type FakeFunctionsHost } from '../contract/azure-host.js';
import { encodeBody, httpClient, type Client, type ContractRequest } from '../contract/client.js';
import { resolveTarget } from '../../core/cli/targets.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Deployed {
  client: Client;
  stop(): Promise<void>;
}

/** `carve dev`: every unit its own process, behind the gateway. */
export async function viaCarveDev(appModule: string, shape: string): Promise<Deployed> {
  const units = await planDev({ app: appModule, shape });
  const session = await startDev(units, { env: { CARVE_LOG_LEVEL: 'silent' } });
  return { client: httpClient(session.gateway.url), stop: () => session.stop() };
}

/**
 * The aws build: each unit's bundle loaded on its own, requests routed like API Gateway routes the
 * generated template (method and path to the owning unit, the rest to carve-fallback), as HTTP API v2 events.
 */
export async function viaAwsBuild(appModule: string, shape: string, scratch: string): Promise<Deployed> {
  const { manifest, dir } = await built(appModule, shape, 'aws', scratch);
  const handlers = new Map<string, (event: unknown, context: unknown) => Promise<unknown>>();
  for (const unit of manifest.units) handlers.set(unit.name, ((await import(join(dir, unit.entry))) as { handler: (e: unknown, c: unknown) => Promise<unknown> }).handler);
  const route = apiGatewayRouter(manifest);
  return {
    client: async (req) => fromLambdaResult(await handlers.get(route(req))!(httpApiV2Event(req), lambdaContext()) as never),
    stop: async () => undefined,
  };
}

/** The azure build: each unit its own function app, loaded through the stand-in host, fronted by a method+path gateway. */
export async function viaAzureBuild(appModule: string, shape: string, scratch: string): Promise<Deployed> {
  const { manifest, dir } = await built(appModule, shape, 'azure', scratch);
  const hosts = new Map<string, FakeFunctionsHost>();
  for (const unit of manifest.units) hosts.set(unit.name, await withFakeHostAsync(() => import(join(dir, unit.entry))));
  const route = apiGatewayRouter(manifest);
  return {
    client: async (req) => {
      const { body, headers } = encodeBody(req);
      return hosts.get(route(req))!.request({ method: req.method, url: `/api${req.url}`, headers, body });
    },
    stop: async () => undefined,
  };
}

/**
 * The aws build's serverless.yml served by `osls offline` (serverless-offline): a real API Gateway and
 * Lambda emulator on loopback, reached over HTTP.
 */
export async function viaOslsOffline(appModule: string, shape: string, scratch: string, options: {
  config?: string;
  /** More of the run's environment for the functions (serverless-offline hands them only what the file configures). */
  environment?: Record<string, string>;
  /** serverless-offline applies JWT authorizers only with this flag, and then checks claims but never signatures. */
  jwtAuthorizers?: boolean;
} = {}): Promise<Deployed & { url: string; dir: string }> {
  // The aws build the other ways of this run made already, copied: this way edits its serverless.yml.
  const dir = join(scratch, 'aws', shape);
  cpSync((await built(appModule, shape, 'aws', scratch, options.config)).dir, dir, { recursive: true });
  // The file as built (it lists serverless-offline, installed here); serverless-offline gives Lambda workers only the
  // configured environment, not its own, so the run's settings are added to it.
  const config = parse(readFileSync(join(dir, 'serverless.yml'), 'utf8')) as { provider: { environment?: Record<string, string> }; plugins?: string[] };
  if (!config.plugins?.includes('serverless-offline')) throw new Error('serverless.yml does not list serverless-offline');
  config.provider.environment = {
    ...config.provider.environment, CARVE_LOG_LEVEL: 'silent', ...(process.env['GRADEBOOK_DB'] ? { GRADEBOOK_DB: process.env['GRADEBOOK_DB'] } : {}), ...options.environment,
  };
  writeFileSync(join(dir, 'serverless.yml'), stringify(config));
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/osls/bin/serverless.js'), 'offline', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort), ...(options.jwtAuthorizers ? ['--ignoreJWTSignature'] : [])], {
    cwd: dir, env: { ...process.env, CARVE_LOG_LEVEL: 'silent', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const started = Date.now();
  while (!output.includes('Server ready')) {
    if (child.exitCode !== null || Date.now() - started > 90_000) throw new Error(`osls offline did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // A route that needs an API key: serverless-offline makes one up for keys the file names without a value, and says it.
  const apiKey = /Key with token: '([^']+)'/.exec(output)?.[1];
  const client = httpClient(`http://127.0.0.1:${httpPort}`);
  return {
    client: apiKey ? (req) => client({ ...req, headers: { 'x-api-key': apiKey, ...req.headers } }) : client,
    url: `http://127.0.0.1:${httpPort}`,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const builds = new Map<string, Promise<{ manifest: Manifest; dir: string }>>();

/** The app built for a shape and target, once per test file: the ways that run the same artifacts share one build. */
function built(appModule: string, shape: string, target: string, scratch: string, config?: string): Promise<{ manifest: Manifest; dir: string }> {
  const key = JSON.stringify([appModule, shape, target, config]);
  let build = builds.get(key);
  if (!build) {
    const out = join(scratch, 'builds', String(builds.size));
    build = resolveTarget(target).then((resolved) => buildApp({ app: appModule, shape, target: resolved, out, config, coldStart: false })).then(() => {
      const dir = join(out, target, shape);
      // Read back what was written: the parity run trusts the artifacts, not the return value.
      return { manifest: JSON.parse(readFileSync(join(dir, 'carve-manifest.json'), 'utf8')) as Manifest, dir };
    });
    builds.set(key, build);
  }
  return build;
}

/** Which unit a front door sends a request to: the owner of method + path (HEAD with GET), else the fallback. */
function apiGatewayRouter(manifest: Manifest): (req: ContractRequest) => string {
  if (manifest.units.length === 1) return () => manifest.units[0]!.name;
  const router = new Router<string>();
  for (const unit of manifest.units) for (const r of unit.routes) router.add(r.method, r.path, unit.name);
  return (req) => {
    const path = req.url.split('?')[0]!;
    try {
      const match = router.match(req.method, path);
      return match.kind === 'found' ? match.route.value : 'carve-fallback';
    } catch {
      return 'carve-fallback';
    }
  };
}

export function scratchDir(): string {
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  return mkdtempSync(join(ROOT, '.carve', 'parity-'));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
