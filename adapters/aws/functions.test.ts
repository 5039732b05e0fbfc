import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from 'carve';
import type { EmitContext } from 'carve/build';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cfnLint, pythonCfnLint } from '../../test/support/cfn-lint.js';
import { unknownFunctions } from './functions.js';
import { samTemplate } from './sam.js';
import { serverlessYml } from './serverless-yml.js';
import { AwsSettings } from './settings.js';

const outside = mkdtempSync(join(tmpdir(), 'carve-functions-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));
const unit = (name: string) => ({ name, handlerIds: [], routes: [{ method: 'GET', path: `/${name}` }], dir: join(outside, name), entry: 'index.js', bundleBytes: 0, gzipBytes: 0, externals: {}, modules: 0, remainder: false });
const units = [unit('reports'), unit('health'), unit('orders')];
const context = (settings: Record<string, unknown>): EmitContext<AwsSettings> => ({
  app: createApp({ name: 'shop', handlers: [] }), shape: 'nanoservices', outDir: outside, settings: AwsSettings.parse(settings), bundle: async () => '',
  environment: () => ({ values: {}, secrets: {} }), permissions: () => ({ resources: {}, statements: [] }), units,
});
const vpc = { subnetIds: ['subnet-0abc12345def67890', 'subnet-0abc12345def67891'], securityGroupIds: ['sg-0abc12345def67890'] };
const settings = { memoryMb: 512, vpc, functions: { reports: { memoryMb: 2048, timeoutSeconds: 60 }, health: { vpc: false } } };

describe('per-unit function settings', () => {
  it('give one unit its own memory and timeout, and every unit the app\'s VPC but those that leave it', () => {
    const sam = parse(samTemplate(context(settings)));
    const props = (fn: string) => sam.Resources[fn].Properties;
    expect(sam.Globals.Function).toMatchObject({ MemorySize: 512, Timeout: 29 });
    expect(props('ReportsFunction')).toMatchObject({ MemorySize: 2048, Timeout: 60, VpcConfig: { SubnetIds: vpc.subnetIds, SecurityGroupIds: vpc.securityGroupIds } });
    expect(props('HealthFunction')).not.toHaveProperty('VpcConfig');
    expect(props('HealthFunction')).not.toHaveProperty('MemorySize');
    expect(props('OrdersFunction').VpcConfig).toEqual({ SubnetIds: vpc.subnetIds, SecurityGroupIds: vpc.securityGroupIds });
    const sls = parse(serverlessYml(context(settings)));
    expect(sls.functions.reports).toMatchObject({ memorySize: 2048, timeout: 60, vpc });
    expect(sls.functions.health).not.toHaveProperty('vpc');
    expect(sls.provider).toMatchObject({ memorySize: 512 });
    const { python } = pythonCfnLint();
    if (python) {
      const file = join(outside, 'template.yaml');
      writeFileSync(file, samTemplate(context(settings)));
      expect(cfnLint(python, file)).toEqual({ status: 0, findings: '' });
    }
  });

  it('warn of a unit the shape does not have, and refuse values Lambda does not take', () => {
    expect(unknownFunctions(units, AwsSettings.parse({ functions: { report: { memoryMb: 1024 } } })))
      .toEqual(['aws.functions.report names no unit of this shape (its units: reports, health, orders); its settings are not used']);
    expect(() => AwsSettings.parse({ functions: { reports: { memoryMb: 64 } } })).toThrow();
    expect(() => AwsSettings.parse({ vpc: { subnetIds: ['net-1'], securityGroupIds: ['sg-0abc12345def67890'] } })).toThrow(/a subnet id such as subnet-/);
  });
});
