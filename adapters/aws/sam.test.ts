import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from 'carve';
import type { EmitContext } from 'carve/build';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { samTemplate } from './sam.js';
import { serverlessYml } from './serverless-yml.js';
import { AwsSettings } from './settings.js';

// Outside the project: no serverless-offline resolves from here.
const outside = mkdtempSync(join(tmpdir(), 'carve-sam-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const context = (settings: Partial<AwsSettings>, outDir: string): EmitContext<AwsSettings> => ({
  app: createApp({ name: 'shop', handlers: [] }), shape: 'monolith', outDir, settings: AwsSettings.parse(settings), bundle: async () => '', environment: () => ({ values: {}, secrets: {} }), permissions: () => ({ resources: {}, statements: [] }),
  units: [{ name: 'all', handlerIds: [], routes: [], dir: join(outDir, 'all'), entry: 'index.js', bundleBytes: 0, gzipBytes: 0, externals: {}, modules: 0, remainder: false }],
});

describe('the AWS deployment files', () => {
  it('run each function with source maps, unless sourceMaps: false', () => {
    const on = context({}, outside);
    expect(parse(samTemplate(on)).Globals.Function).toMatchObject({ Runtime: 'nodejs22.x', Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } } });
    expect(parse(serverlessYml(on)).provider.environment).toEqual({ NODE_OPTIONS: '--enable-source-maps' });
    const off = context({ sourceMaps: false, runtime: 'nodejs24.x' }, outside);
    expect(parse(samTemplate(off)).Globals.Function).not.toHaveProperty('Environment');
    expect(parse(samTemplate(off)).Globals.Function.Runtime).toBe('nodejs24.x');
    expect(parse(serverlessYml(off)).provider).not.toHaveProperty('environment');
  });

  it('list serverless-offline only where osls will find it', () => {
    expect(parse(serverlessYml(context({}, outside)))).not.toHaveProperty('plugins');
    expect(parse(serverlessYml(context({}, join(import.meta.dirname, 'out')))).plugins).toEqual(['serverless-offline']);
  });
});
