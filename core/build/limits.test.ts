import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './config';
import { estimateCost, limitWarnings } from './limits';
import type { BuiltUnit } from './target';

const unit = (name: string, routes: number, bytes: number): BuiltUnit => ({
  name, handlerIds: [], routes: Array.from({ length: routes }, (_, i) => ({ method: 'GET', path: `/r${i}` })), dir: '/x', entry: 'index.js',
  bundleBytes: bytes, gzipBytes: bytes / 3, externals: {}, modules: 1, remainder: false,
});

describe('platform limits', () => {
  it('warns past Lambda package sizes, the API Gateway 29 s timeout and 500 CloudFormation resources', () => {
    expect(limitWarnings('aws', [unit('small', 2, 1_000)], DEFAULT_SETTINGS)).toEqual([]);
    const big = limitWarnings('aws', [unit('huge', 1, 300 * 1024 * 1024)], { ...DEFAULT_SETTINGS, timeoutSeconds: 60 });
    expect(big).toEqual([
      expect.stringMatching(/huge: 100\.0 MB zipped is over Lambda's 50 MB/),
      expect.stringMatching(/huge: 300\.0 MB is over Lambda's 250 MB/),
      expect.stringMatching(/API Gateway answers 504 after 29 s/),
    ]);
    const many = Array.from({ length: 200 }, (_, i) => unit(`u${i}`, 1, 1_000));
    expect(limitWarnings('aws', many, DEFAULT_SETTINGS)).toEqual([expect.stringMatching(/about 1001 CloudFormation resources/)]);
  });

  it('warns past Azure\'s 230 s HTTP limit', () => {
    expect(limitWarnings('azure', [], { ...DEFAULT_SETTINGS, timeoutSeconds: 300 })).toEqual([expect.stringMatching(/230 s/)]);
  });

  it('estimates a month: requests, compute, INIT of cold starts, HTTP API', () => {
    const cost = estimateCost([100, 100], { ...DEFAULT_SETTINGS, memoryMb: 1024 }, 10_000_000, 50);
    expect(cost.usd).toEqual({ requests: 2, compute: 8.33, init: 0.17, httpApi: 10, total: 20.5 });
    expect(cost.coldStartsPerMonth).toBe(100_000);
  });
});
