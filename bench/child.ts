import type { ChildProcess } from 'node:child_process';
import { startUnitProcess, stopUnits } from '../adapters/express/units.js';

export interface Child {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a TypeScript script in a fresh node process and waits for it to print "listening <port>". */
export async function startChild(script: string, args: string[] = []): Promise<Child> {
  const unit = await startUnitProcess(script, [], ['--import', 'tsx', script, ...args]);
  return { port: Number(new URL(unit.url).port), process: unit.process, stop: () => stopUnits([unit]) };
}
