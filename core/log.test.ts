import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

describe('createLogger', () => {
  it('writes one JSON line per call with bound fields and errors expanded', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', sink: (line) => lines.push(line) }).child({ requestId: 'r-1' });
    log.debug('hidden');
    log.error('failed', { err: new Error('boom', { cause: 'x' }) });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'error', msg: 'failed', requestId: 'r-1', err: { name: 'Error', message: 'boom', cause: 'x' } });
    expect(entry.err.stack).toContain('boom');
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    createLogger({ level: 'silent', sink: (line) => lines.push(line) }).error('x');
    expect(lines).toEqual([]);
  });
});
