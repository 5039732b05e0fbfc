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
  const now = performance.now();
  let next = Infinity;
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.expire();
    } else if (entry.at < next) next = entry.at;
  }
  if (next !== Infinity) arm(next, now);
}

/** Settles like `work`, or rejects with a 504 `GatewayTimeout` once `timeoutMs` have passed. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  const now = performance.now();
  return new Promise<T>((resolve, reject) => {
    const entry: Entry = {
      at: now + Math.max(0, timeoutMs),
      expire: () => reject(new GatewayTimeout({ detail: `the request did not finish within ${Math.max(0, Math.round(timeoutMs))} ms`, expose: true })),
    };
    pending.add(entry);
    if (entry.at < timerAt) arm(entry.at, now);
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
