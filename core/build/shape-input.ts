import { loadConfig, type LoadedConfig } from './config.js';
import { loadAppInScope, type LoadedApp } from './load-app.js';
import { checkShape, type Shape } from './plan.js';
import { UsageError } from './usage-error.js';

/**
 * Where `carve build` and `carve dev` start: the shape checked, the app loaded with every dependency
 * resolvable, and its carve.config read (with `groups` when the shape is custom).
 */
export async function loadShapeInput(
  options: { app: string; shape: string; config?: string | undefined; stage?: string | undefined },
  purpose: 'built' | 'run',
): Promise<LoadedApp & { shape: Shape; config: LoadedConfig }> {
  const shape = checkShape(options.shape);
  const loaded = await loadAppInScope(options.app);
  const report = loaded.app.validate();
  if (!report.ok) throw new UsageError(`${loaded.app.name} cannot be ${purpose}: ${report.problems.map((p) => p.message).join('; ')}`);
  const config = await loadConfig(options.app, options.config, { stage: options.stage });
  if (shape === 'custom' && !config.config.groups) throw new UsageError('--shape custom needs `groups` in carve.config.ts');
  return { ...loaded, shape, config };
}
