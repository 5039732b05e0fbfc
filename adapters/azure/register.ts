import type { App } from 'carve';
import { azure } from './azure-functions.js';
import { toAzureHandler } from './handler.js';
import type { AzureHandlerOptions } from './options.js';
import { planAzureFunctions, type AzureFunctionPlan, type PlanOptions } from './routes.js';

export interface RegisterOptions extends AzureHandlerOptions, PlanOptions {}

/**
 * Registers the app's routes with the Functions host (`app.http(...)`, programming model v4). Call it
 * at startup, from the file `package.json` `main` points at. Returns what was registered.
 *
 * @example
 * registerAzureFunctions(carveApp);   // src/functions/index.ts
 */
export function registerAzureFunctions(app: App, options: RegisterOptions = {}): AzureFunctionPlan[] {
  const plan = planAzureFunctions(app.handlers, options);
  const handler = toAzureHandler(app, options);
  for (const fn of plan) {
    azure.app.http(fn.name, { route: fn.route, methods: fn.methods, authLevel: 'anonymous', handler });
  }
  return plan;
}
