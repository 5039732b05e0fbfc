/** @module carve/azure — serve a carve app on Azure Functions (Node.js programming model v4). */
export { toAzureHandler, azureRequestOf } from './handler.js';
export type { AzureHttpHandler } from './handler.js';
export { registerAzureFunctions } from './register.js';
export type { RegisterOptions } from './register.js';
export { planAzureFunctions, azureRoute, AzureRouteError } from './routes.js';
export type { AzureFunctionPlan, PlanOptions } from './routes.js';
export type { AzureHandlerOptions } from './options.js';
export { functionAppFiles } from './app-files.js';
export type { FunctionAppFilesOptions } from './app-files.js';
