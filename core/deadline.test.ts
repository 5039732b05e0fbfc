import { describe, expect, it, vi } from 'vitest';
import { withDeadline } from './deadline.js';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('withDeadline', () => {
  it('passes results and errors through when in time', async () => {
    await expect(withDeadline(after(5, 'ok'), 1000)).resolves.toBe('ok');
    await expect(withDeadline(Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
  });

  it('arms no timer for work that settles without waiting on I/O or a timer', async () => {
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    try {
      const steps = async () => {
        for (let i = 0; i < 50; i++) await Promise.resolve();
        return 'done';
      };
      await expect(withDeadline(steps(), 1)).resolves.toBe('done');
      await new Promise((resolve) => setImmediate(resolve));
      expect(setTimer).not.toHaveBeenCalled();
      await expect(withDeadline(after(200, 'late'), 10)).rejects.toMatchObject({ status: 504 });
      expect(setTimer).toHaveBeenCalled();
    } finally {
      setTimer.mockRestore();
    }
  });

  it('checks once for every request that arrives before the check runs', async () => {
    const tick = vi.spyOn(process, 'nextTick');
    try {
      const settled = Array.from({ length: 50 }, (_, i) => withDeadline(Promise.resolve(i), 1000));
      await expect(Promise.all(settled)).resolves.toHaveLength(50);
      await new Promise((resolve) => setImmediate(resolve));
      expect(tick.mock.calls.filter(([run]) => (run as { name?: string }).name === 'armForPending')).toHaveLength(1);
    } finally {
      tick.mockRestore();
    }
  });

  it('rejects with a 504 when the deadline passes first', async () => {
    await expect(withDeadline(after(200, 'late'), 10)).rejects.toMatchObject({ status: 504 });
  });

  it('honours each deadline with one shared timer, whatever the order they arrive in', async () => {
    const started = performance.now();
    const slowFirst = withDeadline(after(300, 'a'), 150).catch((e: { status: number }) => [e.status, performance.now() - started]);
    const fastSecond = withDeadline(after(300, 'b'), 20).catch((e: { status: number }) => [e.status, performance.now() - started]);
    const inTime = withDeadline(after(30, 'c'), 200);
    const [a, b, c] = await Promise.all([slowFirst, fastSecond, inTime]);
    expect(c).toBe('c');
    expect((b as number[])[0]).toBe(504);
    expect((b as number[])[1]).toBeLessThan(140);
    expect((a as number[])[0]).toBe(504);
    expect((a as number[])[1]).toBeGreaterThanOrEqual(140);
  });
});
