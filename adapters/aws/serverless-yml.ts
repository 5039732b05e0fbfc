import type { EmitContext } from 'carve/build';
import { stringify } from 'yaml';
import { httpRoutes, WARMUP_EVENT } from './routes.js';
import type { AwsSettings } from './settings.js';

/** `serverless.yml` (Serverless Framework v3 format): a function per unit, each packaged alone. */
export function serverlessYml({ app, shape, units, settings }: EmitContext<AwsSettings>): string {
  const functions: Record<string, unknown> = {};
  for (const unit of units) {
    const routes = httpRoutes(unit, units);
    const events: unknown[] = routes === 'default' ? [{ httpApi: '*' }] : routes.map((r) => ({ httpApi: { method: r.method === 'ANY' ? '*' : r.method, path: r.path } }));
    if (settings.warmup) events.push({ schedule: { rate: 'rate(5 minutes)', input: WARMUP_EVENT } });
    functions[unit.name] = { handler: `${unit.name}/index.handler`, package: { patterns: ['!**', `${unit.name}/**`] }, events };
  }
  return stringify({
    service: `${app.name}-${shape}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    frameworkVersion: '>=3',
    provider: { name: 'aws', runtime: settings.runtime, memorySize: settings.memoryMb, timeout: settings.timeoutSeconds, httpApi: { payload: '2.0' } },
    package: { individually: true },
    functions,
  }, { lineWidth: 0 });
}
