import type { App } from 'carve/adapter';
import type { Shape } from 'carve/build';
import type { AwsSettings } from './settings.js';

/** Options of the Node process Lambda runs each unit in: stack traces through the bundle's source map, unless turned off. */
export const nodeOptions = (settings: AwsSettings): string[] => (settings.sourceMaps ? ['--enable-source-maps'] : []);

/** The function environment: NODE_OPTIONS when there are any. */
export function environment(settings: AwsSettings): Record<string, string> | undefined {
  const options = nodeOptions(settings);
  return options.length > 0 ? { NODE_OPTIONS: options.join(' ') } : undefined;
}

/** The service (serverless.yml) and stack (SAM) name: the app and shape, as CloudFormation allows names. */
export const serviceName = (app: App, shape: Shape) => `${app.name}-${shape}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
