import { monotonicMs } from './clock.js';
import { GatewayTimeout } from './errors.js';

interface Entry {
  at: number;
  expire: () => void;
}

// One timer for every in-flight request instead of one per request: arming and clearing a timer per
// call costs more than the rest of a warm Lambda invocation's routing. The timer is armed for the
// earliest deadline and re-armed only when a request with an earlier one arrives.
const pending = new Set<Entry>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function arm(at: number, now: number): void {
  if (timer) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(sweep, Math.max(0, at - now));
  timer.unref?.();
}

function sweep(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = monotonicMs();
  let next = Infinity;
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.expire();
    } else if (entry.at < next) next = entry.at;
  }
  if (next !== Infinity) arm(next, now);
}

// Most answers settle without waiting on anything (a Lambda event carries its body), and Node's first
// setTimeout costs more than the rest of a cold start's first answer (~0.7 ms). A tick queued from a promise
// job runs once the microtask queue is empty, so the timer is armed only for work still pending by then: work
// that waits on I/O or a timer. (Not queueMicrotask: its first call sets up async hooks, ~0.6 ms of its own.)
const afterMicrotasks: (run: () => void) => void = globalThis.process?.nextTick ?? ((run) => setTimeout(run, 0));

function armUnlessSettled(entry: Entry): void {
  void Promise.resolve().then(() => afterMicrotasks(() => {
    if (pending.has(entry) && entry.at < timerAt) arm(entry.at, monotonicMs());
  }));
}

/** Settles like `work`, or rejects with a 504 `GatewayTimeout` once `timeoutMs` have passed. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  const now = monotonicMs();
  return new Promise<T>((resolve, reject) => {
    const entry: Entry = {
      at: now + Math.max(0, timeoutMs),
      expire: () => reject(new GatewayTimeout({ detail: `the request did not finish within ${Math.max(0, Math.round(timeoutMs))} ms`, expose: true })),
    };
    pending.add(entry);
    armUnlessSettled(entry);
    work.then(
      (value) => {
        pending.delete(entry);
        resolve(value);
      },
      (error: unknown) => {
        pending.delete(entry);
        reject(error);
      },
    );
  });
}
