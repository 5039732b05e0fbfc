import type { BuiltUnit } from 'carve/build';
import { describe, expect, it } from 'vitest';
import { awsCost, awsLimits } from './limits.js';
import { AwsSettings } from './settings.js';

const DEFAULTS = AwsSettings.parse({});
const unit = (name: string, routes: number, bytes: number): BuiltUnit => ({
  name, handlerIds: [], routes: Array.from({ length: routes }, (_, i) => ({ method: 'GET', path: `/r${i}` })), dir: '/x', entry: 'index.js',
  bundleBytes: bytes, gzipBytes: bytes / 3, externals: {}, modules: 1, remainder: false,
});

describe('AWS limits and cost', () => {
  it('warns past Lambda package sizes, the API Gateway 29 s timeout and 500 CloudFormation resources', () => {
    expect(awsLimits([unit('small', 2, 1_000)], DEFAULTS)).toEqual([]);
    const big = awsLimits([unit('huge', 1, 300 * 1024 * 1024)], { ...DEFAULTS, timeoutSeconds: 60 });
    expect(big).toEqual([
      expect.stringMatching(/huge: 100\.0 MB zipped is over Lambda's 50 MB/),
      expect.stringMatching(/huge: 300\.0 MB is over Lambda's 250 MB/),
      expect.stringMatching(/API Gateway answers 504 after 29 s/),
    ]);
    const many = Array.from({ length: 200 }, (_, i) => unit(`u${i}`, 1, 1_000));
    expect(awsLimits(many, DEFAULTS)).toEqual([expect.stringMatching(/about 1001 CloudFormation resources/)]);
  });

  it('estimates a month: requests, compute, INIT of cold starts, and the API: HTTP, or REST where the settings need one', () => {
    const cost = awsCost({ ...DEFAULTS, memoryMb: 1024 }, { requestsPerMonth: 10_000_000, averageDurationMs: 50 }, [100, 100]);
    expect(cost.usd).toEqual({ requests: 2, compute: 8.33, init: 0.17, httpApi: 10, total: 20.5 });
    expect(cost.coldStartsPerMonth).toBe(100_000);
    const rest = AwsSettings.parse({ memoryMb: 1024, gateway: { allowIps: ['203.0.113.0/24'] } });
    expect(awsCost(rest, { requestsPerMonth: 10_000_000, averageDurationMs: 50 }, [100, 100]).usd).toEqual({ requests: 2, compute: 8.33, init: 0.17, restApi: 35, total: 45.5 });
  });

  it('refuses settings Lambda does not have, naming them', () => {
    expect(DEFAULTS).toEqual({ runtime: 'nodejs22.x', memoryMb: 512, timeoutSeconds: 29, sourceMaps: true, warmup: false, gateway: { stageVariables: {}, cache: {}, cacheSizeGb: '0.5', tracing: false }, functions: {} });
    expect(AwsSettings.parse({ runtime: 'nodejs24.x' }).runtime).toBe('nodejs24.x');
    // A runtime Lambda retired says so, not only what is allowed.
    expect(AwsSettings.safeParse({ runtime: 'nodejs20.x' }).error?.issues[0]?.message).toBe('Lambda creates no new functions on nodejs20.x since 2026-06-01; expected nodejs22.x (the default) or nodejs24.x');
    expect(AwsSettings.safeParse({ runtime: 'node22' }).error?.issues[0]?.message).toBe('expected nodejs22.x (the default) or nodejs24.x');
    expect(AwsSettings.safeParse({ memoryMb: 64 }).success).toBe(false);
    expect(AwsSettings.safeParse({ memorySize: 1024 }).success).toBe(false);
  });
});
