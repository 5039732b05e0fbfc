import { monotonicMs } from './clock.js';
import { GatewayTimeout } from './errors.js';

interface Entry {
  at: number;
  timeoutMs: number;
  reject: (error: unknown) => void;
  prev: Entry | undefined;
  next: Entry | undefined;
}

// One timer for every in-flight request instead of one per request: arming and clearing a timer per
// call costs more than the rest of a warm Lambda invocation's routing. The timer is armed for the
// earliest deadline and re-armed only when a request with an earlier one arrives. In-flight requests
// are a linked list: a Set would hash every entry on insert, a third of what a deadline costs.
let head: Entry | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function add(entry: Entry): void {
  entry.next = head;
  if (head) head.prev = entry;
  head = entry;
}

function remove(entry: Entry): void {
  if (entry.prev) entry.prev.next = entry.next;
  else if (head === entry) head = entry.next;
  if (entry.next) entry.next.prev = entry.prev;
  entry.prev = entry.next = undefined;
}

function earliest(): number {
  let at = Infinity;
  for (let entry = head; entry; entry = entry.next) if (entry.at < at) at = entry.at;
  return at;
}

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
  for (let entry = head; entry; ) {
    const next = entry.next;
    if (entry.at <= now) {
      remove(entry);
      entry.reject(new GatewayTimeout({ detail: `the request did not finish within ${Math.max(0, Math.round(entry.timeoutMs))} ms`, expose: true }));
    }
    entry = next;
  }
  const at = earliest();
  if (at !== Infinity) arm(at, now);
}

// Most answers settle without waiting on anything (a Lambda event carries its body), and Node's first
// setTimeout costs more than the rest of a cold start's first answer (~0.7 ms). A tick queued from a promise
// job runs once the microtask queue is empty, so the timer is armed only for work still pending by then: work
// that waits on I/O or a timer. One check at a time serves every request that arrives before it runs (a tick
// per request would cost more than the request). (Not queueMicrotask: its first call sets up async hooks.)
const afterMicrotasks = (run: () => void): void => {
  if (typeof globalThis.process?.nextTick === 'function') process.nextTick(run);
  else setTimeout(run, 0);
};
let checking = false;

function armForPending(): void {
  checking = false;
  const at = earliest();
  if (at < timerAt) arm(at, monotonicMs());
}

function checkSoon(): void {
  if (checking) return;
  checking = true;
  void Promise.resolve().then(() => afterMicrotasks(armForPending));
}

/** Settles like `work`, or rejects with a 504 `GatewayTimeout` once `timeoutMs` have passed. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  const at = monotonicMs() + Math.max(0, timeoutMs);
  return new Promise<T>((resolve, reject) => {
    const entry: Entry = { at, timeoutMs, reject, prev: undefined, next: undefined };
    add(entry);
    if (at < timerAt) checkSoon();
    work.then(
      (value) => {
        remove(entry);
        resolve(value);
      },
      (error: unknown) => {
        remove(entry);
        reject(error);
      },
    );
  });
}
