import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface Child {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a TypeScript script in a fresh node process and waits for it to print "listening <port>". */
export async function startChild(script: string, args: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (!/listening (\d+)/.test(output)) {
    const [chunk] = await Promise.race([once(child.stdout!, 'data'), once(child, 'exit').then(() => [null])]);
    if (chunk === null) throw new Error(`${script} ${args.join(' ')} exited before listening`);
  }
  const port = Number(/listening (\d+)/.exec(output)![1]);
  return {
    port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
