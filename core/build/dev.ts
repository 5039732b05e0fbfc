import { loadApp } from '../cli/load-app';
import { UsageError } from '../cli/usage-error';
import { loadConfig } from './config';
import { planUnits, SHAPES, type Shape } from './plan';

/** The units `carve dev` starts for a shape. */
export async function planDev(options: { app: string; shape: string; config?: string }) {
  if (![...SHAPES, 'custom'].includes(options.shape)) {
    throw new UsageError(`unknown shape "${options.shape}"; choose one of ${[...SHAPES, 'custom'].join(', ')}`);
  }
  const app = await loadApp(options.app);
  const report = app.validate();
  if (!report.ok) throw new UsageError(`${app.name}: ${report.problems.map((p) => p.message).join('; ')}`);
  const config = await loadConfig(options.app, options.config);
  if (options.shape === 'custom' && !config.groups) throw new UsageError('--shape custom needs `groups` in carve.config.ts');
  return planUnits(app, options.shape as Shape, config.groups).map((u) => ({
    name: u.name, handlerIds: u.handlers.map((h) => h.id), routes: u.handlers.map((h) => ({ method: h.method, path: h.path })),
  }));
}
