import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The environment of a process a user starts in their own project: none of this repo's own settings (the
 * `carve-source` condition in NODE_OPTIONS, npm's lifecycle variables that would point npm back at this repo).
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_OPTIONS' || key === 'INIT_CWD' || /^npm_(package_|lifecycle_|command|config_(local_|global_)?prefix|execpath|node_execpath)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, CARVE_LOG_LEVEL: 'silent', SLS_TELEMETRY_DISABLED: '1', ...extra };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in a project folder as its user would, and returns what it printed. */
export function run(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(env), maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, failing the test with everything it printed unless it exits 0. */
export function ok(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = run(cwd, command, args, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status} in ${cwd}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** npm, offline where npm's cache already has a package (CI's `npm ci` just filled it). */
export const npmInstall = (cwd: string, ...specs: string[]) => ok(cwd, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs]);

/** Bytes on disk under a folder (files and links themselves, never followed). */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    total += entry.isDirectory() ? diskBytes(path) : lstatSync(path).size;
  }
  return total;
}

/** Installed packages: each folder in node_modules with a package.json, scoped ones counted one by one. */
export function packageCount(nodeModules: string): number {
  let count = 0;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    count += entry.name.startsWith('@') ? readdirSync(join(nodeModules, entry.name)).length : 1;
  }
  return count;
}

/** Starts a server script, waits for `listening <port>`, calls `use` with its base URL, then stops it. */
export async function withServer<T>(cwd: string, args: readonly string[], use: (base: string) => Promise<T>, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const child = spawn(process.execPath, args, { cwd, env: userEnv({ PORT: '0', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => void (err += String(chunk)));
  try {
    for await (const chunk of child.stdout) {
      out += String(chunk);
      if (/listening \d+/.test(out)) break;
    }
    const port = /listening (\d+)/.exec(out)?.[1];
    if (!port) throw new Error(`${args.join(' ')} did not start:\n${out}\n${err}`);
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
  }
}

/** A port nothing listens on now, for a server that prints the port it was given rather than the one it got. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
