import type { App } from 'carve/adapter';
import type { Shape, UnitEnvironment } from 'carve/build';
import type { AwsSettings } from './settings.js';

/** Options of the Node process Lambda runs each unit in: stack traces through the bundle's source map, unless turned off. */
export const nodeOptions = (settings: AwsSettings): string[] => (settings.sourceMaps ? ['--enable-source-maps'] : []);

/** The function environment: NODE_OPTIONS when there are any. */
export function environment(settings: AwsSettings): Record<string, string> | undefined {
  const options = nodeOptions(settings);
  return options.length > 0 ? { NODE_OPTIONS: options.join(' ') } : undefined;
}

// Lambda: "the total size of all environment variables doesn't exceed 4 KB" (names and values).
const ENVIRONMENT_LIMIT_BYTES = 4096;

/** Lambda's 4 KB limit on a function's environment, NODE_OPTIONS included. */
export function checkEnvironment(variables: Readonly<Record<string, string>>, settings: AwsSettings): string | undefined {
  const all = { ...environment(settings), ...variables };
  const bytes = Object.entries(all).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
  if (bytes <= ENVIRONMENT_LIMIT_BYTES) return undefined;
  return `its environment is ${bytes} bytes (names and values, NODE_OPTIONS and secret references as written); Lambda allows ${ENVIRONMENT_LIMIT_BYTES}: move large values out of carve.config.ts env (into a file the unit reads, or a secret read at run time)`;
}

/** A unit's own variables (the config's env, its secrets' references), when it has any. */
export function unitVariables({ values, secrets }: UnitEnvironment): Record<string, string> | undefined {
  const all = { ...values, ...secrets };
  return Object.keys(all).length > 0 ? all : undefined;
}

/** The service (serverless.yml) and stack (SAM) name: the app and shape, as CloudFormation allows names. */
export const serviceName = (app: App, shape: Shape) => `${app.name}-${shape}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
