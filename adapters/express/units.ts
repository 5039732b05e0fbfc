import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { GatewayUnit } from './gateway';

export interface RunningUnit extends GatewayUnit {
  process: ChildProcess;
}

/** Starts one unit as its own process and waits for it to print `listening <port>`. */
export async function startUnitProcess(name: string, routes: GatewayUnit['routes'], command: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningUnit> {
  const child = spawn(process.execPath, command, { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  const onData = (chunk: string) => {
    output += chunk;
    if (!/listening \d+/.test(output)) return;
    // After startup, pass the unit's own output (its JSON log lines) through.
    child.stdout!.off('data', onData);
    child.stdout!.pipe(process.stdout);
  };
  child.stdout!.on('data', onData);
  while (!/listening (\d+)/.test(output)) {
    const [reason] = await Promise.race([once(child.stdout!, 'data').then(() => ['data']), once(child, 'exit').then(() => ['exit'])]);
    if (reason === 'exit') throw new Error(`unit ${name} exited before it was listening`);
  }
  const port = Number(/listening (\d+)/.exec(output)![1]);
  return { name, routes, url: `http://127.0.0.1:${port}`, process: child };
}

export async function stopUnits(units: readonly RunningUnit[]): Promise<void> {
  await Promise.all(units.map(async (u) => {
    if (u.process.exitCode !== null) return;
    u.process.kill('SIGTERM');
    await once(u.process, 'exit');
  }));
}
