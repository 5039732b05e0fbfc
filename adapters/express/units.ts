import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { GatewayUnit } from './gateway.js';

export interface RunningUnit extends GatewayUnit {
  process: ChildProcess;
  /** Set by `stopUnits`: an exit from now on is the one asked for, not a crash to restart from. */
  stopping?: boolean | undefined;
}

export interface UnitOptions {
  env?: NodeJS.ProcessEnv | undefined;
  /** Restart the unit when it exits on its own, waiting longer after each crash in a row. Default true. */
  restart?: boolean | undefined;
  /** Where the supervisor's JSON lines go (a unit exited, restarted). Default stderr. */
  log?: ((line: string) => void) | undefined;
}

// 250 ms after the first crash, doubling to 10 s; a unit that stayed up 30 s starts again from the first.
const FIRST_RESTART_MS = 250;
const MAX_RESTART_MS = 10_000;
const HEALTHY_MS = 30_000;

/**
 * Starts one unit as its own process and waits for it to print `listening <port>`. It is supervised: when it exits
 * on its own (a crash, an out-of-memory kill) the gateway answers its routes 503 with `Retry-After` while it starts
 * again on the same port, with backoff, and each exit and restart is logged. When the process that started it
 * goes away, so does the unit (its IPC channel closes): no orphans.
 */
export async function startUnitProcess(name: string, routes: GatewayUnit['routes'], command: string[], options: UnitOptions = {}): Promise<RunningUnit> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const first = await spawnUnit(name, command, { ...options.env, CARVE_UNIT_PORT: '0' });
  const unit: RunningUnit = { name, routes, url: `http://127.0.0.1:${first.port}`, process: first.child, up: true };
  if (options.restart === false) return unit;
  const say = (level: 'info' | 'error', msg: string, fields: Record<string, unknown>) =>
    log(JSON.stringify({ level, time: new Date().toISOString(), msg, unit: name, ...fields }));
  let delay = FIRST_RESTART_MS;
  let startedAt = Date.now();
  // The same port again, so the gateway's address for it stays right; another one if that one is taken.
  let samePort = true;
  // The next start, after the current delay, which doubles for the one after: 250 ms, 500 ms, … 10 s.
  const schedule = (): number => {
    const wait = delay;
    delay = Math.min(delay * 2, MAX_RESTART_MS);
    setTimeout(attempt, wait).unref();
    return wait;
  };
  const attempt = () => {
    if (unit.stopping) return;
    spawnUnit(name, command, { ...options.env, CARVE_UNIT_PORT: samePort ? new URL(unit.url).port : '0' }).then(({ child: next, port: listening }) => {
      if (unit.stopping) return void next.kill('SIGTERM');
      Object.assign(unit, { process: next, url: `http://127.0.0.1:${listening}`, up: true });
      startedAt = Date.now();
      say('info', 'unit restarted', { port: listening });
      watch(next);
    }, (error: unknown) => {
      samePort = false;
      say('error', 'unit did not restart', { err: String(error), restartInMs: schedule() });
    });
  };
  const watch = (child: ChildProcess) => child.once('exit', (code, signal) => {
    if (unit.stopping) return;
    unit.up = false;
    if (Date.now() - startedAt > HEALTHY_MS) delay = FIRST_RESTART_MS;
    say('error', 'unit exited', { code, signal, restartInMs: schedule() });
  });
  watch(first.child);
  return unit;
}

/** One process of a unit, listening: it prints `listening <port>` once it is. */
async function spawnUnit(name: string, command: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  // Behind the gateway, the client is the address it forwards (X-Forwarded-For from a loopback peer), not the gateway.
  // Started with source maps (the built package.json's start script), each unit is too.
  const sourceMaps = process.execArgv.filter((arg) => arg === '--enable-source-maps');
  const child = spawn(process.execPath, [...sourceMaps, ...command], { env: { ...process.env, CARVE_UNIT_TRUST_PROXY: 'loopback', ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  // The channel only tells the unit when its parent is gone; it must not keep this process alive.
  child.channel?.unref();
  child.stdout!.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: string) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      cleanup();
      // From here on, pass the unit's own output (its JSON log lines) through. Written, not piped: each
      // pipe would add its own listeners to process.stdout, and a shape can have dozens of units.
      child.stdout!.on('data', (text: string) => process.stdout.write(text));
      resolve(Number(match[1]));
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`unit ${name} exited before it was listening`));
    };
    const cleanup = () => {
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  return { child, port };
}

/** Stops every unit (each drains its in-flight requests on SIGTERM) and waits for them to exit. */
export async function stopUnits(units: readonly RunningUnit[]): Promise<void> {
  await Promise.all(units.map(async (u) => {
    u.stopping = true;
    if (u.process.exitCode !== null || u.process.signalCode !== null) return;
    const exited = once(u.process, 'exit');
    u.process.kill('SIGTERM');
    await exited;
  }));
}

/**
 * In a unit's process: exit when the process that started it is gone (its IPC channel closed), draining first.
 * Without a channel (run on its own) this does nothing.
 */
export function exitWithParent(close: () => Promise<void>): void {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => void close().finally(() => process.exit(0)));
}
