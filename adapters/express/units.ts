import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { GatewayUnit } from './gateway.js';

export interface RunningUnit extends GatewayUnit {
  process: ChildProcess;
}

/** Starts one unit as its own process and waits for it to print `listening <port>`. */
export async function startUnitProcess(name: string, routes: GatewayUnit['routes'], command: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningUnit> {
  const child = spawn(process.execPath, command, { env: { ...process.env, CARVE_UNIT_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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
  return { name, routes, url: `http://127.0.0.1:${port}`, process: child };
}

export async function stopUnits(units: readonly RunningUnit[]): Promise<void> {
  await Promise.all(units.map(async (u) => {
    if (u.process.exitCode !== null) return;
    u.process.kill('SIGTERM');
    await once(u.process, 'exit');
  }));
}
