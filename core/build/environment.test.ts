import { createApp, handler, secret, token } from 'carve';
import { describe, expect, it } from 'vitest';
import { planEnvironments } from './environment.js';
import type { CarveConfig } from './config.js';

const Key = secret('PAYMENTS_KEY');
const Payments = token('Payments', { inject: { key: Key }, factory: ({ key }) => key });
const pay = handler({ method: 'POST', path: '/payments', auth: 'public', inject: { payments: Payments } }, () => 'paid');
const health = handler({ method: 'GET', path: '/health', auth: 'public' }, () => 'ok');
const app = createApp({ handlers: [pay, health] });
const units = [{ name: 'post-payments', handlers: [pay] }, { name: 'get-health', handlers: [health] }];
const target = { name: 'aws', secretReference: (_name: string, ref: unknown) => `ref:${JSON.stringify(ref)}` };
const plan = (config: CarveConfig, given = target) => planEnvironments(app, { config, file: 'carve.config.ts' }, units, given);
const declared = { PAYMENTS_KEY: { aws: { ssm: '/shop/key' } } };

describe("a unit's environment", () => {
  it("is the app's env, then the unit's, and only the secrets its own handlers reach through the DI graph", () => {
    const { environments, warnings } = plan({ env: { REGION: 'eu', MODE: 'app' }, units: { 'get-health': { env: { MODE: 'unit' } }, 'get-gone': { env: {} } }, secrets: declared });
    expect(environments).toEqual([
      { values: { REGION: 'eu', MODE: 'app' }, secrets: { PAYMENTS_KEY: 'ref:{"ssm":"/shop/key"}' } },
      { values: { REGION: 'eu', MODE: 'unit' }, secrets: {} },
    ]);
    expect(warnings).toEqual(['carve.config.ts: units.get-gone names no unit of this shape (its units: post-payments, get-health); its env is not used']);
  });

  it('where the target keeps no secrets, names them for the environment the unit starts in', () => {
    expect(plan({ secrets: declared }, { name: 'express', secretReference: undefined as never }).environments[0]!.secrets).toEqual({ PAYMENTS_KEY: '' });
  });

  it('stops, naming what to write, for a secret the code reads and the config does not declare', () => {
    expect(() => plan({})).toThrow("carve.config.ts: unit post-payments reads secret('PAYMENTS_KEY'), which secrets does not declare: say where each target keeps it, as secrets: { PAYMENTS_KEY: { aws: { … } } }");
  });

  it('stops for a declared secret no handler reads, one the target has no entry for, or one it refuses', () => {
    expect(() => plan({ secrets: { ...declared, OLD_KEY: { aws: { ssm: '/x' } } } })).toThrow("carve.config.ts: secrets.OLD_KEY is declared, but no handler reaches secret('OLD_KEY')");
    expect(() => plan({ secrets: { PAYMENTS_KEY: { azure: { vault: 'v', secret: 's' } } } })).toThrow('carve.config.ts: secrets.PAYMENTS_KEY says nothing for aws: add aws: { … }');
    const refusing = { name: 'aws', secretReference: () => { throw new Error('expected { ssm }'); } };
    expect(() => plan({ secrets: declared }, refusing)).toThrow('carve.config.ts: secrets.PAYMENTS_KEY.aws: expected { ssm }');
  });

  it('stops for values that are not strings, names that are not variable names, and a name that is both', () => {
    expect(() => plan({ env: { PORT: 3000 } as never, secrets: declared })).toThrow('carve.config.ts: env.PORT must be a string, got number');
    expect(() => plan({ env: { 'my-var': 'x' }, secrets: declared })).toThrow('carve.config.ts: env.my-var: not an environment variable name');
    expect(() => plan({ env: { PAYMENTS_KEY: 'plain' }, secrets: declared })).toThrow('carve.config.ts: PAYMENTS_KEY is both a secret and a plain env value of unit post-payments: keep one');
  });

  it('secret() reads the variable once injected, and says where it should come from when it is not set', async () => {
    expect(() => secret('not a name')).toThrow('a secret is an environment variable name');
    const Missing = secret('CARVE_TEST_NOT_SET');
    const reads = handler({ method: 'GET', path: '/x', auth: 'public', inject: { value: Missing } }, (_i, { value }) => value);
    const logged: string[] = [];
    const res = await createApp({ handlers: [reads], logger: { level: 'error', sink: (line) => logged.push(line) } }).inject({ method: 'GET', url: '/x' });
    expect(res.status).toBe(500);
    expect(logged.join('\n')).toContain('secret CARVE_TEST_NOT_SET is not set: deployed, carve.config.ts secrets.CARVE_TEST_NOT_SET says where the platform reads it from; under carve dev, put it in .env');
    process.env['CARVE_TEST_SET'] = 's3cret';
    const Set = secret('CARVE_TEST_SET');
    const echo = handler({ method: 'GET', path: '/y', auth: 'public', inject: { value: Set } }, (_i, { value }) => ({ length: value.length }));
    expect((await createApp({ handlers: [echo] }).inject({ method: 'GET', url: '/y' })).body).toEqual({ length: 6 });
  });
});
